import * as z from "@/lib/site/zod";
import type { OutputEvent } from "./parse";

/**
 * A recording's screens: what its terminal shows after each output event, computed once by a real
 * terminal emulator (xterm, headless; ./screens-compute.ts), so that replaying is drawing rows, never
 * emulating. `frames` are whole screens every `interval` events; `steps[i]` is what event i changed
 * (lines scrolled off the top, then rows rewritten). A seek restores the nearest frame and applies at
 * most `interval` steps, however long the recording is; playing applies each new event's step.
 */

/** Output events between two whole screens: a seek applies at most this many steps after one. */
export const KEYFRAME_INTERVAL = 32;

/** How one run of cells looks: CSS colours, and the attributes a viewer sees. Index 0 is the terminal's default. */
export interface CellStyle {
  color?: string;
  background?: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strikethrough?: true;
}

/** Cells with one style, left to right: [text, index into `styles`]. */
export type Run = [text: string, style: number];
/** One screen row; trailing blank cells are left out, so a blank row is []. */
export type Row = Run[];

export interface Step {
  /** Lines the event scrolled off the top (the rows below move up, blank rows come in at the bottom). */
  scroll: number;
  /** Then these rows, by index, read as given. */
  rows: Array<[index: number, row: Row]>;
}

export interface Screens {
  cols: number;
  rows: number;
  interval: number;
  styles: CellStyle[];
  frames: Array<{ position: number; rows: Row[] }>;
  steps: Step[];
}

const rowSchema = z.array(z.tuple([z.string(), z.int().check(z.minimum(0))]));

export const screensSchema = z.object({
  cols: z.int().check(z.minimum(1)),
  rows: z.int().check(z.minimum(1)),
  interval: z.int().check(z.minimum(1)),
  styles: z.array(
    z.object({
      color: z.optional(z.string()),
      background: z.optional(z.string()),
      bold: z.optional(z.literal(true)),
      italic: z.optional(z.literal(true)),
      underline: z.optional(z.literal(true)),
      strikethrough: z.optional(z.literal(true)),
    }),
  ),
  frames: z.array(z.object({ position: z.int().check(z.minimum(1)), rows: z.array(rowSchema) })),
  steps: z.array(
    z.object({
      scroll: z.int().check(z.minimum(0)),
      rows: z.array(z.tuple([z.int().check(z.minimum(0)), rowSchema])),
    }),
  ),
});

/**
 * A screens file's content, checked against the recording it belongs to (one step per output event,
 * every row and style index inside the screen), or a sentence saying what is wrong with it.
 */
export function parseScreens(json: unknown, output: readonly OutputEvent[]): Screens {
  const result = screensSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`its screens are malformed at ${issue.path.join(".") || "the top level"}: ${issue.message}`);
  }
  const screens = result.data as Screens;
  if (screens.steps.length !== output.length)
    throw new Error(
      `its screens are of another recording: ${screens.steps.length} steps for ${output.length} output events`,
    );
  const badRow = (row: Row) => row.some(([, style]) => style >= screens.styles.length);
  screens.frames.forEach((frame, index) => {
    if (frame.rows.length !== screens.rows || frame.rows.some(badRow) || frame.position > output.length)
      throw new Error(`its screens are malformed at frames.${index}: not a screen of this recording`);
  });
  screens.steps.forEach((step, index) => {
    if (step.scroll > screens.rows || step.rows.some(([row, cells]) => row >= screens.rows || badRow(cells)))
      throw new Error(`its screens are malformed at steps.${index}: a row outside the screen`);
  });
  return screens;
}

/** Number of output events with time ≤ `time` (a binary search: seeking stays cheap in long recordings). */
export function eventsUpTo(output: readonly OutputEvent[], time: number): number {
  let low = 0;
  let high = output.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (output[mid]!.time <= time + 1e-9) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The row every blank row is: one shared value, so a painter can tell an unchanged blank row by identity. */
export const BLANK_ROW: Row = [];

/**
 * The screen at a position (output events consumed), moved by applying steps. Rows are never changed
 * in place: a row that did not change keeps its identity, so a painter redraws only the rows that did.
 */
export class ScreenTimeline {
  rows: readonly Row[];
  position = 0;
  private readonly blank: readonly Row[];

  constructor(readonly screens: Screens) {
    this.blank = Array.from({ length: screens.rows }, () => BLANK_ROW);
    this.rows = this.blank;
  }

  /** Moves to `target` events: forward step by step when that is shorter, else from the nearest whole screen before it. */
  goTo(target: number): void {
    const end = Math.max(0, Math.min(target, this.screens.steps.length));
    const frame = this.frameBefore(end);
    if (end < this.position || end - this.position > end - frame.position) {
      this.rows = frame.rows;
      this.position = frame.position;
    }
    for (; this.position < end; this.position++) this.apply(this.screens.steps[this.position]!);
  }

  private apply({ scroll, rows }: Step): void {
    const next = scroll > 0 ? [...this.rows.slice(scroll), ...this.blank.slice(0, scroll)] : [...this.rows];
    for (const [index, row] of rows) next[index] = row;
    this.rows = next;
  }

  /** The last whole screen at or before `position`, or the blank screen before any output. */
  private frameBefore(position: number): { position: number; rows: readonly Row[] } {
    const { frames } = this.screens;
    let low = 0;
    let high = frames.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (frames[mid]!.position <= position) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? { position: 0, rows: this.blank } : frames[low - 1]!;
  }
}
