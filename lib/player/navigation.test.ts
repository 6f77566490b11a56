import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAsciicast } from "@/lib/asciicast/parse";
import { eventsUpTo } from "@/lib/asciicast/screens";
import {
  eventIndexAt,
  nextMarkerTime,
  previousMarkerTime,
  SEEK_BAR_STEP,
  seekBarMax,
  seekBarValue,
  timeAtDigit,
} from "./navigation";

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

/** Where a range input's End key and right edge put it: the last value on its step grid (min + n × step) up to max. */
const rangeEnd = (max: number, step: number) => Math.floor(max / step + 1e-9) * step;

/** What a range input makes of a value it is given: the nearest value on its step grid (ties go up), at most max. */
const rangeHolds = (value: number, max: number, step: number) =>
  Math.min(rangeEnd(max, step), Math.round(value / step) * step);

describe("the seek bar", () => {
  const recordingsDir = path.join(process.cwd(), "sandboxes", "recordings");
  const casts = readdirSync(recordingsDir).filter((file) => file.endsWith(".cast"));

  it.each(casts)("ends, at End or its right edge, after the last output of %s", (file) => {
    const recording = parseAsciicast(readFileSync(path.join(recordingsDir, file), "utf8"));
    const end = rangeEnd(seekBarMax(recording.duration), SEEK_BAR_STEP);
    expect(eventsUpTo(recording.output, end)).toBe(recording.output.length);
  });

  it.each(casts)("holds the playhead of %s where it is, at the end too, so showing it seeks nowhere", (file) => {
    const recording = parseAsciicast(readFileSync(path.join(recordingsDir, file), "utf8"));
    const max = seekBarMax(recording.duration);
    for (const time of [0, recording.duration / 3, recording.duration]) {
      const shown = seekBarValue(time, recording.duration);
      expect(rangeHolds(shown, max, SEEK_BAR_STEP)).toBeCloseTo(shown, 9);
    }
    // At the end, the value the bar reports back (React's onChange) still includes the last output.
    const reported = rangeHolds(seekBarValue(recording.duration, recording.duration), max, SEEK_BAR_STEP);
    expect(eventsUpTo(recording.output, reported)).toBe(recording.output.length);
  });

  it("rounds the duration up to a whole step, and no further", () => {
    expect(seekBarMax(35.044063)).toBe(35.1);
    expect(seekBarMax(35)).toBe(35);
    expect(seekBarMax(0.30000000000000004)).toBe(0.3);
    expect(seekBarMax(0)).toBe(0);
  });
});
