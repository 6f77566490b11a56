import { describe, expect, it } from "vitest";
import { AsciicastError, parseAsciicast } from "./parse";

const header = (extra: Record<string, unknown> = {}) => JSON.stringify({ version: 2, width: 80, height: 24, ...extra });
const cast = (...lines: string[]) => lines.join("\n") + "\n";

function errorOf(text: string): AsciicastError {
  try {
    parseAsciicast(text);
  } catch (error) {
    if (error instanceof AsciicastError) return error;
    throw error;
  }
  throw new Error("expected the parse to fail");
}

describe("parseAsciicast", () => {
  it("reads the size, the output and the markers of a v2 recording", () => {
    const recording = parseAsciicast(
      cast(
        header({ title: "demo" }),
        '[0.5, "o", "\\u001b[32mhi\\u001b[0m\\r\\n"]',
        '[1.25, "m", "SIGTERM"]',
        '[2, "o", "bye"]',
      ),
    );
    expect(recording).toMatchObject({ cols: 80, rows: 24, title: "demo", duration: 2, rawDuration: 2 });
    expect(recording.output).toEqual([
      { time: 0.5, rawTime: 0.5, data: "\u001b[32mhi\u001b[0m\r\n" },
      { time: 2, rawTime: 2, data: "bye" },
    ]);
    expect(recording.markers).toEqual([{ time: 1.25, rawTime: 1.25, label: "SIGTERM" }]);
  });

  it("shortens pauses longer than idle_time_limit the way asciinema does, keeping recorded times", () => {
    const recording = parseAsciicast(
      cast(header({ idle_time_limit: 2 }), '[1, "o", "a"]', '[11, "m", "kill"]', '[11.5, "o", "b"]', '[20, "o", "c"]'),
    );
    expect(recording.output.map((e) => e.time)).toEqual([1, 3.5, 5.5]);
    expect(recording.markers[0]).toEqual({ time: 3, rawTime: 11, label: "kill" });
    expect(recording.duration).toBe(5.5);
    expect(recording.rawDuration).toBe(20);
  });

  it("lets the caller override idle_time_limit, and treats 0 as no limit", () => {
    const text = cast(header({ idle_time_limit: 0 }), '[10, "o", "a"]');
    expect(parseAsciicast(text).duration).toBe(10);
    expect(parseAsciicast(text, { idleTimeLimit: 1 }).duration).toBe(1);
  });

  it("ignores input and resize events and blank lines", () => {
    const recording = parseAsciicast(
      cast(header(), '[0.1, "i", "ls\\r"]', "", '[0.2, "r", "100x30"]', '[0.3, "o", "x"]'),
    );
    expect(recording.output).toHaveLength(1);
    expect(recording.duration).toBe(0.3);
  });

  it("names the line of an event that is not [time, code, data]", () => {
    const error = errorOf(cast(header(), '[0.1, "o", "a"]', '[0.2, "o"]'));
    expect(error.message).toBe("line 3: expected [time, code, data]");
  });

  it("says a recording cut off mid-line looks truncated", () => {
    const error = errorOf(header() + '\n[0.1, "o", "a"]\n[0.2, "o", "hel');
    expect(error.message).toBe("line 3: the line is cut off; the recording looks truncated");
  });

  it("rejects bad JSON in the middle of a file without blaming truncation", () => {
    expect(errorOf(cast(header(), "[0.1, 'o', 'a']", '[0.2, "o", "b"]')).message).toBe(
      "line 2: not valid JSON (expected [time, code, data])",
    );
  });

  it("rejects events out of time order, negative times and non-string data", () => {
    expect(errorOf(cast(header(), '[2, "o", "a"]', '[1, "o", "b"]')).message).toMatch(
      /^line 3: time 1 is earlier than the previous event's 2/,
    );
    expect(errorOf(cast(header(), '[-1, "o", "a"]')).message).toMatch(/^line 2: time must be a non-negative number/);
    expect(errorOf(cast(header(), '[1, "o", 5]')).message).toBe("line 2: event data must be a string, got 5");
  });

  it("explains a bad header: wrong version, missing size, not JSON, empty file", () => {
    expect(errorOf(cast(JSON.stringify({ version: 3, term: { cols: 80, rows: 24 } }))).message).toBe(
      "line 1: unsupported asciicast version 3 (this player reads version 2)",
    );
    expect(errorOf(cast(JSON.stringify({ version: 2, width: 80 }))).message).toBe(
      'line 1: header "height" must be a positive whole number, got undefined',
    );
    expect(errorOf("<!DOCTYPE html>\n<html>").message).toMatch(/^line 1: the header is not valid JSON/);
    expect(errorOf("").message).toBe("line 1: the recording is empty (expected an asciicast v2 header)");
  });
});

describe("parseAsciicast bounds (issue 16, item 9)", () => {
  it("rejects a terminal size no terminal has, naming the header line", () => {
    expect(errorOf(cast(header({ width: 1e300 }), '[0.1, "o", "a"]')).message).toBe(
      'line 1: header "width" must be at most 1000, got 1e+300',
    );
    expect(errorOf(cast(header({ height: 5000 }), '[0.1, "o", "a"]')).message).toBe(
      'line 1: header "height" must be at most 1000, got 5000',
    );
    expect(parseAsciicast(cast(header({ width: 1000, height: 1000 }), '[0.1, "o", "a"]'))).toMatchObject({
      cols: 1000,
      rows: 1000,
    });
  });

  it("rejects event times beyond a day instead of returning an infinite duration", () => {
    expect(errorOf(cast(header(), '[1, "o", "a"]', '[1e308, "o", "b"]')).message).toBe(
      "line 3: time 1e+308 is more than 86400 seconds (24 hours); asciicast v2 times are in seconds",
    );
    expect(errorOf(cast(header(), '[86400.5, "m", "late"]')).message).toMatch(
      /^line 2: time 86400.5 is more than 86400 seconds/,
    );
    const recording = parseAsciicast(cast(header(), '[86400, "o", "a"]'));
    expect(recording.duration).toBe(86400);
    expect(Number.isFinite(recording.rawDuration)).toBe(true);
  });

  it("accepts a UTF-8 byte order mark before the header", () => {
    const recording = parseAsciicast("\uFEFF" + cast(header(), '[0.5, "o", "hi"]'));
    expect(recording).toMatchObject({ cols: 80, rows: 24, duration: 0.5 });
    expect(recording.output).toEqual([{ time: 0.5, rawTime: 0.5, data: "hi" }]);
  });
});
