import { describe, expect, it } from "vitest";
import { SeekIndex } from "./seek";

const output = [
  { time: 1, rawTime: 1, data: "a" },
  { time: 2, rawTime: 2, data: "b" },
  { time: 3, rawTime: 3, data: "\u001b[3J\u001b[2Jc" },
  { time: 4, rawTime: 4, data: "d" },
  { time: 5, rawTime: 5, data: "\u001bce" },
  { time: 6, rawTime: 6, data: "f" },
];

describe("SeekIndex", () => {
  const index = new SeekIndex(output);

  it("counts the output events at or before a time", () => {
    expect(index.positionAt(0)).toBe(0);
    expect(index.positionAt(2)).toBe(2);
    expect(index.positionAt(2.5)).toBe(2);
    expect(index.positionAt(60)).toBe(6);
  });

  it("writes only the new output when moving forward", () => {
    expect(index.plan(1, 4)).toEqual({ reset: false, data: "b\u001b[3J\u001b[2Jcd", position: 4 });
    expect(index.plan(4, 4)).toEqual({ reset: false, data: "", position: 4 });
  });

  it("rebuilds from the nearest blank-screen snapshot, not from zero, when moving back", () => {
    expect(index.snapshots).toEqual([0, 2, 4]);
    expect(index.plan(6, 4.5)).toEqual({ reset: true, data: "\u001b[3J\u001b[2Jcd", position: 4 });
    expect(index.plan(6, 5)).toEqual({ reset: true, data: "\u001bce", position: 5 });
    expect(index.plan(3, 1.5)).toEqual({ reset: true, data: "a", position: 1 });
    expect(index.plan(3, 0)).toEqual({ reset: true, data: "", position: 0 });
  });
});
