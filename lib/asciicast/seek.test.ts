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

  it("writes only the new output when moving forward from at or after the last keyframe", () => {
    expect(index.plan(2, 3)).toEqual({ reset: false, data: "\u001b[3J\u001b[2Jc", position: 3 });
    expect(index.plan(3, 4)).toEqual({ reset: false, data: "d", position: 4 });
    expect(index.plan(4, 4)).toEqual({ reset: false, data: "", position: 4 });
  });

  it("restarts from a clear instead of writing what the clear erases, forward or back", () => {
    expect(index.keyframes.map((keyframe) => keyframe.position)).toEqual([0, 2, 4]);
    expect(index.plan(1, 4)).toEqual({ reset: true, data: "\u001b[3J\u001b[2Jcd", position: 4 });
    expect(index.plan(6, 4.5)).toEqual({ reset: true, data: "\u001b[3J\u001b[2Jcd", position: 4 });
    expect(index.plan(6, 5)).toEqual({ reset: true, data: "\u001bce", position: 5 });
    expect(index.plan(3, 1.5)).toEqual({ reset: true, data: "a", position: 1 });
    expect(index.plan(3, 0)).toEqual({ reset: true, data: "", position: 0 });
  });

  it("restores a computed keyframe's screen and writes only the events after it", () => {
    const withKeyframes = new SeekIndex(output, [
      { position: 1, screen: "A" },
      { position: 6, screen: "EF" },
    ]);
    expect(withKeyframes.plan(6, 1.5)).toEqual({ reset: true, data: "a", position: 1 });
    expect(withKeyframes.plan(6, 2)).toEqual({ reset: true, data: "Ab", position: 2 });
    // A keyframe is used for targets after it; the clear at event 4 is closer than the keyframe at 6 for target 6.
    expect(withKeyframes.plan(0, 6)).toEqual({ reset: true, data: "\u001bcef", position: 6 });
  });

  it("ignores keyframes outside the recording", () => {
    const withKeyframes = new SeekIndex(output, [{ position: 99, screen: "X" }]);
    expect(withKeyframes.keyframes.map((keyframe) => keyframe.position)).toEqual([0, 2, 4]);
  });
});
