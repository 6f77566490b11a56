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

// CSI (colours, cursor moves), OSC (window titles) and the remaining two-byte escapes.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]|\u001b[()][0-9A-Za-z]/g;

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

/** Output lines and markers interleaved in time order: the readable story of the recording. */
export function transcript(recording: Recording): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [
    ...transcriptLines(recording).map((line) => ({ time: line.time, kind: "output" as const, text: line.text })),
    ...recording.markers.map((marker) => ({ time: marker.time, kind: "marker" as const, text: marker.label })),
  ];
  // Stable sort: at equal times a marker goes before the output it introduces.
  return entries.sort((a, b) => a.time - b.time || (a.kind === b.kind ? 0 : a.kind === "marker" ? -1 : 1));
}

/** The poster: the last `rows` lines on screen at `time` (the first meaningful frame), as plain text. */
export function screenTextAt(recording: Recording, time: number): string {
  const upTo = transcriptLines({ output: recording.output.filter((event) => event.time <= time) });
  return upTo
    .slice(-recording.rows)
    .map((line) => line.text)
    .join("\n");
}
