import { describe, expect, it } from "vitest";
import { formatTime } from "./time-display";

describe("formatTime", () => {
  it("shows minutes, seconds and tenths", () => {
    expect(formatTime(75.25)).toBe("1:15.3");
  });
});
