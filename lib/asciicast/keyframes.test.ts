import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Terminal } from "@xterm/headless";
import { describe, expect, it } from "vitest";
import { computeKeyframes, headlessTerminal } from "./keyframes.server";
import { keyframesUrl, parseKeyframes } from "./keyframes";
import { parseAsciicast, type Recording } from "./parse";
import { SeekIndex } from "./seek";
import { rowsUsed } from "./transcript";

const recordingsDir = path.join(process.cwd(), "sandboxes", "recordings");
const casts = readdirSync(recordingsDir).filter((file) => file.endsWith(".cast"));

/**
 * Everything a viewer sees on the screen, cell by cell: each row with every cell's character, colours and attributes
 * and whether it continues a wrapped line, the cursor, which buffer is showing. (Serialized text is no yardstick: the
 * same screen can be written with different but equivalent escape codes.) A keyframe leaves the scrollback out.
 */
function visibleState(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines = [`${buffer.type} cursor ${buffer.cursorX},${buffer.cursorY}`];
  const cell = buffer.getNullCell();
  for (let y = buffer.baseY; y < buffer.length; y++) {
    const line = buffer.getLine(y)!;
    let text = `${line.isWrapped ? "~" : ""}${line.translateToString(true)} |`;
    for (let x = 0; x < term.cols; x++) {
      line.getCell(x, cell);
      // A blank cell looks the same whether a space or a tab (which writes nothing) left it.
      if ((cell.getChars() === "" || cell.getChars() === " ") && cell.isAttributeDefault()) continue;
      text += ` ${x}:${cell.getFgColorMode()}/${cell.getFgColor()},${cell.getBgColorMode()}/${cell.getBgColor()},${cell.isBold()}${cell.isDim()}${cell.isItalic()}${cell.isUnderline()}${cell.isInverse()}${cell.isInvisible()}${cell.isStrikethrough()}`;
    }
    lines.push(text);
  }
  return lines.join("\n");
}

/** The player's terminal: the recording's width, as many rows as it prints into. */
const playerSize = (recording: Recording) => ({ cols: recording.cols, rows: rowsUsed(recording) });

/** The terminal after writing every event up to each position: what playing through shows. */
async function playedThrough(recording: Recording): Promise<string[]> {
  const { term, write } = headlessTerminal(playerSize(recording));
  const states = [visibleState(term)];
  for (const event of recording.output) {
    await write(event.data);
    states.push(visibleState(term));
  }
  term.dispose();
  return states;
}

async function afterSeek(recording: Recording, data: string): Promise<string> {
  const { term, write } = headlessTerminal(playerSize(recording));
  await write(data);
  const state = visibleState(term);
  term.dispose();
  return state;
}

describe("build-time keyframes", () => {
  it.each(casts)(
    "seeking %s back from the end lands on the screen playing through shows, at every event",
    async (file) => {
      const recording = parseAsciicast(readFileSync(path.join(recordingsDir, file), "utf8"));
      const keyframes = await computeKeyframes(recording, 8);
      expect(keyframes.frames.length).toBe(Math.floor(recording.output.length / 8));
      const index = new SeekIndex(recording.output, keyframes.frames);
      const expected = await playedThrough(recording);
      for (let target = 0; target < recording.output.length; target++) {
        const time = target === 0 ? -1 : recording.output[target - 1]!.time;
        const plan = index.plan(recording.output.length, time);
        expect(plan.reset).toBe(true);
        expect(await afterSeek(recording, plan.data), `${file} at event ${plan.position}`).toBe(
          expected[plan.position],
        );
      }
    },
  );

  it("bounds the events a seek writes by the interval, however long the recording", { timeout: 60_000 }, async () => {
    const output = Array.from({ length: 5000 }, (_, i) => ({ time: i / 10, rawTime: i / 10, data: `line ${i}\r\n` }));
    const recording = parseAsciicast(
      [
        JSON.stringify({ version: 2, width: 80, height: 24 }),
        ...output.map((e) => JSON.stringify([e.time, "o", e.data])),
      ].join("\n"),
    );
    const keyframes = await computeKeyframes(recording, 32);
    expect(keyframes.frames).toHaveLength(Math.floor(5000 / 32));
    const index = new SeekIndex(recording.output, keyframes.frames);
    for (const time of [250, 499.8, 100]) {
      const plan = index.plan(recording.output.length, time);
      const restored = keyframes.frames.find((frame) => plan.data.startsWith(frame.screen) && frame.screen !== "");
      expect(restored).toBeDefined();
      expect(plan.position - restored!.position).toBeLessThanOrEqual(32);
      expect(plan.position - restored!.position).toBeGreaterThan(0);
      // The keyframe rebuilds the screen alone: writing it scrolls nothing into the scrollback.
      const { term, write } = headlessTerminal(recording);
      await write(restored!.screen);
      expect(term.buffer.active.baseY).toBe(0);
      // Then each event after it writes a line, scrolling one into the scrollback, the same as playing through.
      await write(plan.data.slice(restored!.screen.length));
      const lines = term.buffer.active;
      expect(lines.baseY).toBe(plan.position - restored!.position);
      for (let row = 0; row < lines.length; row++) {
        // Event n wrote "line n"; the cursor waits on the blank line after the last one.
        const n = plan.position - lines.length + row + 1;
        expect(lines.getLine(row)!.translateToString(true)).toBe(n >= 0 && n < plan.position ? `line ${n}` : "");
      }
      term.dispose();
    }
  });

  it("restores a first row that continues a wrapped line as a continuation", async () => {
    // 10 columns, 3 rows: the 25-character line wraps over three rows, and "x" scrolls its first row away.
    const recording = parseAsciicast(
      [
        JSON.stringify({ version: 2, width: 10, height: 3 }),
        JSON.stringify([0.1, "o", "0123456789abcdefghijKLMNO\r\n"]),
        JSON.stringify([0.2, "o", "x\r\n"]),
      ].join("\n"),
    );
    const keyframes = await computeKeyframes(recording, 1);
    const restored = await afterSeek(recording, keyframes.frames[1]!.screen);
    expect(restored.split("\n")[1]).toMatch(/^~KLMNO \|/);
    expect(restored).toBe((await playedThrough(recording))[2]);
  });

  it("names where a malformed keyframes file is wrong, and where keyframes live", () => {
    // The whole sentence: zod/mini has no wording of its own, lib/site/zod.ts gives it English.
    expect(() => parseKeyframes({ interval: 32, frames: [{ position: 0, screen: "" }] })).toThrow(
      "its keyframes are malformed at frames.0.position: Too small: expected number to be >=1",
    );
    expect(keyframesUrl("/recordings/stop-naive.cast")).toBe("/keyframes/stop-naive.json");
    expect(keyframesUrl("/course/recordings/stop-naive.cast")).toBe("/course/keyframes/stop-naive.json");
  });
});
