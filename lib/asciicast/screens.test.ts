import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAsciicast, type Recording } from "./parse";
import { parseScreens, ScreenTimeline, type Row, type Screens } from "./screens";
import { screensUrl } from "./screens-url";
import { headlessTerminal, screensOf } from "./screens.server";
import { rowsUsed } from "./transcript";

const recordingsDir = path.join(process.cwd(), "sandboxes", "recordings");
const casts = readdirSync(recordingsDir).filter((file) => file.endsWith(".cast"));
const load = (file: string) => parseAsciicast(readFileSync(path.join(recordingsDir, file), "utf8"));

function castOf(cols: number, rows: number, data: string[]): Recording {
  return parseAsciicast(
    [
      JSON.stringify({ version: 2, width: cols, height: rows }),
      ...data.map((chunk, index) => JSON.stringify([index + 1, "o", chunk])),
    ].join("\n"),
  );
}

const text = (row: Row) => row.map(([cells]) => cells).join("");

/** Every whole screen, one per position: computing with an interval of 1 reads the emulator after every event. */
async function everyScreen(recording: Recording): Promise<Row[][]> {
  const screens = await screensOf(recording, 1);
  return [screens.frames[0] ? screens.frames[0].rows.map(() => []) : [], ...screens.frames.map((frame) => frame.rows)];
}

/** Counts the steps a timeline applies, by watching its screens' steps being read. */
function counted(screens: Screens): { screens: Screens; applied: () => number } {
  let reads = 0;
  const steps = new Proxy(screens.steps, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { screens: { ...screens, steps }, applied: () => reads };
}

describe("screens computed by xterm", () => {
  it.each(casts)("%s: each row's text is what xterm itself reads on that row, after every event", async (file) => {
    const recording = load(file);
    const term = headlessTerminal({ cols: recording.cols, rows: rowsUsed(recording) });
    const screens = await everyScreen(recording);
    for (let position = 1; position <= recording.output.length; position++) {
      await new Promise<void>((resolve) => term.write(recording.output[position - 1]!.data, resolve));
      const buffer = term.buffer.active;
      const expected = Array.from({ length: term.rows }, (_, y) =>
        // Spaces an event wrote at the end of a row show nothing: the screen leaves them out.
        buffer
          .getLine(buffer.baseY + y)!
          .translateToString(true)
          .trimEnd(),
      );
      expect(
        screens[position]!.map((row) => text(row).trimEnd()),
        `${file} after event ${position}`,
      ).toEqual(expected);
    }
    term.dispose();
  });

  it.each(casts)(
    "%s: the timeline shows the emulator's screen at every position, forward, back and from far away",
    async (file) => {
      const recording = load(file);
      const expected = await everyScreen(recording);
      const screens = await screensOf(recording, 8);
      const forward = new ScreenTimeline(screens);
      for (let position = 0; position <= recording.output.length; position++) {
        forward.goTo(position);
        expect(forward.rows, `${file} playing to ${position}`).toEqual(expected[position]);
      }
      for (let position = recording.output.length; position >= 0; position--) {
        forward.goTo(position);
        expect(forward.rows, `${file} seeking back to ${position}`).toEqual(expected[position]);
      }
      const jumps = new ScreenTimeline(screens);
      for (const position of [recording.output.length, 3, 17, 1, 40, 0, 9].filter(
        (p) => p <= recording.output.length,
      )) {
        jumps.goTo(position);
        expect(jumps.rows, `${file} jumping to ${position}`).toEqual(expected[position]);
      }
    },
  );

  it("a seek applies at most an interval of steps, however long the recording", { timeout: 60_000 }, async () => {
    const recording = castOf(
      80,
      24,
      Array.from({ length: 5000 }, (_, i) => `line ${i}\r\n`),
    );
    const screens = await screensOf(recording, 32);
    expect(screens.frames).toHaveLength(Math.floor(5000 / 32));
    const { screens: watched, applied } = counted(screens);
    const timeline = new ScreenTimeline(watched);
    for (const target of [2500, 4999, 1000, 5000, 30]) {
      const before = applied();
      timeline.goTo(target);
      expect(applied() - before).toBeLessThanOrEqual(32);
      // Event n wrote "line n" and moved to the next row: the bottom row is blank, the one above it the latest line.
      expect(text(timeline.rows[timeline.rows.length - 2]!)).toBe(`line ${target - 1}`);
    }
  });

  it("a printed line is one scroll and one row, not a rewrite of the screen", async () => {
    const screens = await screensOf(castOf(20, 3, ["a\r\n", "b\r\n", "c\r\n", "d\r\n"]));
    expect(screens.steps.map((step) => step.scroll)).toEqual([0, 0, 1, 1]);
    expect(screens.steps.map((step) => step.rows.length)).toEqual([1, 1, 1, 1]);
    expect(screens.steps[3]).toEqual({ scroll: 1, rows: [[1, [["d", 0]]]] });
  });

  it("draws colours and attributes as xterm does: bold basic colours bright, inverse swapped, dim halved", async () => {
    const screens = await screensOf(
      castOf(40, 2, [
        "\u001b[1;32mok\u001b[0m \u001b[7minv\u001b[0m \u001b[2mdim\u001b[0m \u001b[38;5;196mr\u001b[38;2;1;2;3mx\u001b[0m  ",
      ]),
      1,
    );
    const [row] = screens.frames[0]!.rows;
    const styled = row!.map(([cells, style]) => [cells, screens.styles[style]]);
    expect(styled).toEqual([
      ["ok", { color: "#56d364", bold: true }],
      [" ", {}],
      ["inv", { color: "#0d1117", background: "#e6edf3" }],
      [" ", {}],
      ["dim", { color: "#e6edf380" }],
      [" ", {}],
      ["r", { color: "#ff0000" }],
      ["x", { color: "#010203" }],
    ]);
  });
});

describe("screens file", () => {
  it("names where a malformed screens file is wrong, and where screens live", async () => {
    const recording = castOf(10, 2, ["a", "b"]);
    const screens = await screensOf(recording);
    expect(parseScreens(JSON.parse(JSON.stringify(screens)), recording.output)).toEqual(screens);
    // The whole sentence: zod/mini has no wording of its own, lib/site/zod.ts gives it English.
    expect(() => parseScreens({ ...screens, interval: 0 }, recording.output)).toThrow(
      "its screens are malformed at interval: Too small: expected number to be >=1",
    );
    expect(() => parseScreens(screens, recording.output.slice(1))).toThrow(
      "its screens are of another recording: 2 steps for 1 output events",
    );
    expect(() =>
      parseScreens({ ...screens, steps: [screens.steps[0], { scroll: 0, rows: [[5, []]] }] }, recording.output),
    ).toThrow("its screens are malformed at steps.1: a row outside the screen");
    expect(screensUrl("/recordings/stop-naive.cast")).toBe("/screens/stop-naive.json");
    expect(screensUrl("/course/recordings/stop-naive.cast")).toBe("/course/screens/stop-naive.json");
  });
});
