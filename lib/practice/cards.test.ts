import { describe, expect, it } from "vitest";
import { cardKey } from "./card-key";
import { fillFacts, parseDeck } from "./cards";
import { loadDecks } from "./decks.server";

const card = {
  id: "one",
  origin: "lesson",
  question: "Q?",
  modelAnswer: "A.",
  keyPoints: ["first", "second"],
};

describe("practice decks", () => {
  it("accepts a valid deck and qualifies card ids with the lesson", () => {
    const deck = parseDeck("ch/lesson", "content/ch/lesson.practice.ts", [card]);
    expect(deck.cards[0]).toMatchObject({ id: "one", lesson: "ch/lesson" });
    expect(cardKey(deck.cards[0]!)).toBe("ch/lesson#one");
  });

  it("rejects a duplicate id, naming the file and the card", () => {
    expect(() => parseDeck("ch/lesson", "content/ch/lesson.practice.ts", [card, { ...card }])).toThrow(
      'content/ch/lesson.practice.ts: card "one" duplicates an earlier card id',
    );
  });

  it("rejects a card without enough key points, naming the field", () => {
    expect(() => parseDeck("ch/lesson", "f.ts", [{ ...card, keyPoints: ["only one"] }])).toThrow(
      /f\.ts: card "one" is invalid\n {2}- keyPoints: needs at least two key points/,
    );
    expect(() => parseDeck("ch/lesson", "f.ts", [{ ...card, id: "Not A Slug" }])).toThrow(
      /id: must be a kebab-case slug/,
    );
    expect(() => parseDeck("ch/lesson", "f.ts", [])).toThrow("f.ts: the deck has no cards");
  });

  it("ships the lesson 10.4 deck with the five interview questions and more", () => {
    const deck = loadDecks().find((d) => d.lesson === "production-and-scaling/dockerizing-nodejs");
    expect(deck).toBeDefined();
    expect(deck!.cards.filter((c) => c.origin === "interview")).toHaveLength(5);
    expect(deck!.cards.length).toBeGreaterThan(5);
  });
});

describe("fillFacts", () => {
  const deck = parseDeck("c/l", "c/l.practice.ts", [
    {
      ...card,
      id: "x",
      modelAnswer: "It failed {fact:failed} of {fact:sent}.",
      keyPoints: ["{fact:failed} failed", "b"],
    },
  ]);
  it("puts recorded figures where a card cites them", () => {
    const filled = fillFacts(deck, (name) => ({ failed: "0", sent: "4235" })[name] ?? "?");
    expect(filled.cards[0]).toMatchObject({ modelAnswer: "It failed 0 of 4235.", keyPoints: ["0 failed", "b"] });
  });
  it("names the file and card when a fact cannot be filled", () => {
    expect(() =>
      fillFacts(deck, () => {
        throw new Error("the manifest has no value");
      }),
    ).toThrow('c/l.practice.ts: card "x" cites {fact:failed}: the manifest has no value');
  });
});
