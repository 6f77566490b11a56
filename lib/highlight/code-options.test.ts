import { describe, expect, it } from "vitest";
import { extractInlineCallouts, locateCallouts, parseFenceMeta, parseLineRanges } from "./code-options";

describe("code block options", () => {
  it("parses line ranges", () => {
    expect(parseLineRanges("1, 3-5,3")).toEqual([1, 3, 4, 5]);
    expect(() => parseLineRanges("5-2")).toThrow(/runs backwards/);
    expect(() => parseLineRanges("a")).toThrow(/should look like/);
  });

  it("reads a title and highlighted lines from fence meta", () => {
    expect(parseFenceMeta('title="server.ts" {2,4-5}')).toEqual({ title: "server.ts", highlightLines: [2, 4, 5] });
    expect(parseFenceMeta(undefined)).toEqual({ title: undefined, highlightLines: [] });
  });

  it("strips inline callout markers and remembers their lines", () => {
    const { code, calloutsByLine } = extractInlineCallouts(
      "FROM node # [!callout 1]\nRUN x\nconst a = 1; // [!callout 2]",
    );
    expect(code).toBe("FROM node\nRUN x\nconst a = 1;");
    expect([...calloutsByLine]).toEqual([
      [1, 1],
      [3, 2],
    ]);
  });

  it("locates callouts for imported files by text, and fails loudly when the text is gone", () => {
    expect([...locateCallouts("FROM a\nUSER node", { "USER node": 7 })]).toEqual([[2, 7]]);
    expect(() => locateCallouts("FROM a", { "USER node": 7 })).toThrow('callout 7: no line contains "USER node"');
  });
});
