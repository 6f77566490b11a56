import type { Recording } from "./parse";

export interface TranscriptLine {
  /** Playback seconds when the line started. */
  time: number;
  text: string;
}

export interface TranscriptEntry {
  time: number;
  kind: "output" | "marker";
  text: string;
}

/*
 * Everything xterm interprets rather than prints, following its parser (@xterm/xterm EscapeSequenceParser.ts). Each
 * introducer has a 7-bit form (ESC and one character) and an 8-bit C1 form (one code point in U+0080–U+009F); xterm reads both.
 * A control string (OSC, DCS, SOS, PM, APC) runs, newlines included, until ST (ESC \ or U+009C), BEL for OSC, or
 * anything else that interrupts it: another ESC, CAN/SUB or a C1 control. One that never ends runs to the end of the
 * text, so its payload (an OSC 52 clipboard, a sixel image) never shows. Order matters: the generic ESC rule and the
 * lone-C1 rule would otherwise claim the introducers of the longer sequences.
 */
const ESCAPES = new RegExp(
  [
    // CSI (ESC [ or U+009B): colours, cursor moves, erases. Parameters, intermediates, then one final byte.
    /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]/,
    // OSC (ESC ] or U+009D): window titles, hyperlinks, the clipboard.
    /(?:\u001b\]|\u009d)[^\u0007\u0018\u001a\u001b\u0080-\u009f]*(?:\u0007|\u001b\\|\u009c)?/,
    // DCS (ESC P or U+0090), SOS (ESC X or U+0098), PM (ESC ^ or U+009E), APC (ESC _ or U+009F). BEL does not end these.
    /(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u0018\u001a\u001b\u0080-\u009f]*(?:\u001b\\|\u009c)?/,
    // Any other escape: intermediates, then a final byte (ESC 7 / ESC 8 save and restore the cursor, ESC ( B picks a charset).
    /\u001b[ -/]*[0-~]/,
    // A lone C1 control (NEL, a stray ST, …): xterm executes or ignores it, never prints it.
    /[\u0080-\u009f]/,
  ]
    .map((pattern) => pattern.source)
    .join("|"),
  "g",
);

export function stripAnsi(text: string): string {
  return text.replace(ESCAPES, "");
}

/**
 * Plain-text lines of what the recording printed, for the transcript and the poster. A small
 * line model handles what command output actually does (CR LF, progress lines redrawn with CR,
 * backspaces); full-screen programs would need a terminal, which the transcript does not try to be.
 */
export function transcriptLines(recording: Pick<Recording, "output">): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  let chars: string[] = [];
  let column = 0;
  let lineTime: number | undefined;
  for (const event of recording.output) {
    const text = stripAnsi(event.data);
    for (const char of text) {
      if (char === "\n") {
        lines.push({ time: lineTime ?? event.time, text: chars.join("").trimEnd() });
        chars = [];
        column = 0;
        lineTime = undefined;
      } else if (char === "\r") {
        column = 0;
      } else if (char === "\b") {
        column = Math.max(0, column - 1);
      } else if (char >= " " || char === "\t") {
        lineTime ??= event.time;
        chars[column] = char;
        column++;
      }
    }
  }
  if (chars.length > 0) lines.push({ time: lineTime ?? 0, text: chars.join("").trimEnd() });
  return lines;
}

/** Output lines and markers interleaved in time order: the readable story of the recording (blank lines left out). */
export function transcript(recording: Recording): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [
    ...transcriptLines(recording)
      .filter((line) => line.text !== "")
      .map((line) => ({ time: line.time, kind: "output" as const, text: line.text })),
    ...recording.markers.map((marker) => ({ time: marker.time, kind: "marker" as const, text: marker.label })),
  ];
  // Stable sort: at equal times a marker goes before the output it introduces.
  return entries.sort((a, b) => a.time - b.time || (a.kind === b.kind ? 0 : a.kind === "marker" ? -1 : 1));
}

/** A line as the terminal shows it: wrapped at the recording's width (an empty line still takes a row). */
function screenRowsOf(text: string, cols: number): string[] {
  const chars = [...text];
  if (chars.length === 0) return [""];
  const rows: string[] = [];
  for (let start = 0; start < chars.length; start += cols) rows.push(chars.slice(start, start + cols).join(""));
  return rows;
}

/** The poster: the last screenful of rows at `time` (the first meaningful frame), as plain text wrapped like the terminal. */
export function screenTextAt(recording: Recording, time: number): string {
  return transcriptLines({ output: recording.output.filter((event) => event.time <= time) })
    .flatMap((line) => screenRowsOf(line.text, recording.cols))
    .slice(-recording.rows)
    .join("\n");
}

/**
 * The terminal rows a recording actually uses: its lines as the terminal wraps them, plus the row the cursor ends on,
 * at most its recorded height. A recording shorter than its height replays identically in that many rows, without a
 * dark void below.
 */
export function rowsUsed(recording: Pick<Recording, "output" | "rows" | "cols">): number {
  const rows = transcriptLines(recording).reduce(
    (sum, line) => sum + screenRowsOf(line.text, recording.cols).length,
    0,
  );
  return Math.min(recording.rows, rows + 1);
}
