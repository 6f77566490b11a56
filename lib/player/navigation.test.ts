import { describe, expect, it } from "vitest";
import { eventIndexAt, nextMarkerTime, previousMarkerTime, timeAtDigit } from "./navigation";

// The stop scenario of lib/recordings/timeline.test.ts on the playback clock: running 1, SIGTERM 3.2, exit 5.2.
const times = [1, 3.2, 5.2];
const events = times.map((time) => ({ time }));

describe("markers and keys", () => {
  it("finds the next and previous marker, walking past the one the playhead sits on", () => {
    expect(nextMarkerTime(times, 0)).toBe(1);
    expect(nextMarkerTime(times, 1)).toBe(3.2);
    expect(nextMarkerTime(times, 5.2)).toBeUndefined();
    expect(previousMarkerTime(times, 3.2)).toBe(1);
    expect(previousMarkerTime(times, 4)).toBe(3.2);
    expect(previousMarkerTime(times, 1)).toBeUndefined();
  });

  it("keeps markers a few milliseconds apart as separate stops", () => {
    expect(nextMarkerTime([0.1598, 0.1693, 1.2], 0.1598)).toBe(0.1693);
    expect(previousMarkerTime([0.1598, 0.1693, 1.2], 0.1693)).toBe(0.1598);
  });

  it("knows which event the playhead is at", () => {
    expect(eventIndexAt(events, 0)).toBe(-1);
    expect(eventIndexAt(events, 3.2)).toBe(1);
    expect(eventIndexAt(events, 100)).toBe(2);
  });

  it("maps digit keys to tenths of the duration", () => {
    expect(timeAtDigit(60, 0)).toBe(0);
    expect(timeAtDigit(60, 5)).toBe(30);
    expect(timeAtDigit(60, 9)).toBe(54);
  });
});
