import { describe, expect, it } from "vitest";
import { stepFromHash, stepTarget } from "./steps";

describe("presenter steps", () => {
  it("moves within the lesson and stays put at its edges, so a step (and its live run) is not reset", () => {
    expect(stepTarget(2, 3, 6)).toBe(3);
    expect(stepTarget(2, 0, 6)).toBe(0);
    expect(stepTarget(2, 99, 6)).toBe(5);
    expect(stepTarget(5, 6, 6)).toBeUndefined();
    expect(stepTarget(5, 5, 6)).toBeUndefined();
    expect(stepTarget(0, -1, 6)).toBeUndefined();
  });

  it("reads the step from the URL, numbered from 1", () => {
    expect(stepFromHash("#3", 6)).toBe(2);
    expect(stepFromHash("#7", 6)).toBe(0);
    expect(stepFromHash("", 6)).toBe(0);
  });
});
