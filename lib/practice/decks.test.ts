import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDecks } from "./decks.server";

const fixtures = path.join(__dirname, "__fixtures__");

describe("loadDecks", () => {
  it("finds each <lesson>.practice.ts and names its lesson by its path", () => {
    const [deck, ...others] = loadDecks(path.join(fixtures, "valid"));
    expect(others).toHaveLength(0);
    expect(deck).toMatchObject({
      lesson: "basics/first-steps",
      file: "lib/practice/__fixtures__/valid/basics/first-steps.practice.ts",
    });
    expect(deck!.cards.map((card) => card.id)).toEqual(["why-containers"]);
  });

  it("names the file when a deck does not export its cards", () => {
    const file = "lib/practice/__fixtures__/no-cards/basics/first-steps.practice.ts";
    expect(() => loadDecks(path.join(fixtures, "no-cards"))).toThrow(`${file}: a deck exports \`cards\``);
  });
});
