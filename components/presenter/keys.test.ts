import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KEY_TABLE, keyLabels, presenterAction } from "./keys";

const press = (key: string, modifiers: Partial<Record<"altKey" | "ctrlKey" | "metaKey", boolean>> = {}) =>
  presenterAction({ key, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe("presenter keys", () => {
  it("steps with a clicker's PageDown/PageUp and with the arrows", () => {
    expect([press("PageDown"), press("ArrowRight"), press("ArrowDown"), press("n")]).toEqual(
      Array(4).fill("next-step"),
    );
    expect([press("PageUp"), press("ArrowLeft"), press("ArrowUp"), press("P")]).toEqual(Array(4).fill("previous-step"));
  });

  it("drives the player like its own keys do", () => {
    expect([press(" "), press("k"), press("K"), press(".")]).toEqual(Array(4).fill("toggle-play"));
    expect(press("]")).toBe("next-marker");
    expect(press("[")).toBe("previous-marker");
  });

  it("leaves browser shortcuts alone", () => {
    expect(press("ArrowRight", { altKey: true })).toBeUndefined();
    expect(press("l", { ctrlKey: true })).toBeUndefined();
    expect(press("r", { metaKey: true })).toBeUndefined();
    expect(press("x")).toBeUndefined();
  });

  it("gives each key one action", () => {
    const keys = KEY_TABLE.flatMap((row) => row.bindings.flatMap(([, keys]) => keys));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});

/**
 * The rows of the first table in the README's "Teaching a room" section: each key cell's labels per
 * action, and what they do (code spans there read as plain text here).
 */
function readmeKeyTable(): Array<{ keys: string[][]; does: string }> {
  const readme = readFileSync(path.join(process.cwd(), "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Teaching a room"));
  const table = section.slice(section.indexOf("\n|")).trimStart().split("\n\n")[0]!;
  return table
    .split("\n")
    .slice(2)
    .map((line) => {
      const [keys, does] = line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim());
      return {
        keys: keys!.split(" / ").map((part) => [...part.matchAll(/`([^`]+)`/g)].map((match) => match[1]!)),
        does: does!.replaceAll("`", ""),
      };
    });
}

describe("the README's key table", () => {
  it("lists the presenter's keys, row for row", () => {
    expect(readmeKeyTable()).toEqual(KEY_TABLE.map((row) => ({ keys: keyLabels(row), does: row.does })));
  });
});
