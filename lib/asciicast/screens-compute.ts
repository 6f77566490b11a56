import type { IBufferCell, IBufferLine } from "@xterm/headless";
import type { OutputEvent } from "./parse";
import { ansi256Color, rgbColor, TERMINAL_PALETTE } from "./palette";
import { BLANK_ROW, KEYFRAME_INTERVAL, type CellStyle, type Row, type Screens, type Step } from "./screens";

/**
 * What computing screens needs of a terminal emulator: xterm's, headless at build time
 * (./screens.server.ts) or an unopened browser one for a recording without served screens (a live
 * run's). Sized like the player's screen, without scrollback.
 */
export interface Emulator {
  readonly cols: number;
  readonly rows: number;
  write(data: string, callback: () => void): void;
  readonly buffer: {
    readonly active: {
      readonly baseY: number;
      getLine(y: number): IBufferLine | undefined;
      getNullCell(): IBufferCell;
    };
  };
}

/** xterm's colour modes, as getFgColorMode()/getBgColorMode() report them. */
const COLOR_MODE_16 = 0x1000000;

/** A cell's look as CSS, the way xterm draws it: bold text in the 8 basic colours is bright, inverse swaps, dim halves. */
function cellStyle(cell: IBufferCell): CellStyle {
  const bold = cell.isBold() !== 0;
  const color = (isFg: boolean): string | undefined => {
    if (isFg ? cell.isFgDefault() : cell.isBgDefault()) return undefined;
    const value = isFg ? cell.getFgColor() : cell.getBgColor();
    if (isFg ? cell.isFgRGB() : cell.isBgRGB()) return rgbColor(value);
    const basic = (isFg ? cell.getFgColorMode() : cell.getBgColorMode()) === COLOR_MODE_16;
    return ansi256Color(isFg && basic && bold && value < 8 ? value + 8 : value);
  };
  let fg = color(true);
  let bg = color(false);
  if (cell.isInverse()) [fg, bg] = [bg ?? TERMINAL_PALETTE.background, fg ?? TERMINAL_PALETTE.foreground];
  if (cell.isInvisible()) fg = bg ?? TERMINAL_PALETTE.background;
  // Dim is the colour at half opacity, as xterm draws it.
  else if (cell.isDim()) fg = `${fg ?? TERMINAL_PALETTE.foreground}80`;
  const style: CellStyle = {};
  if (fg) style.color = fg;
  if (bg) style.background = bg;
  if (bold) style.bold = true;
  if (cell.isItalic()) style.italic = true;
  if (cell.isUnderline()) style.underline = true;
  if (cell.isStrikethrough()) style.strikethrough = true;
  return style;
}

/** Reads screens off an emulator, numbering each distinct style once. */
class ScreenReader {
  readonly styles: CellStyle[] = [{}];
  private readonly styleIndex = new Map<string, number>([["{}", 0]]);
  private readonly cell: IBufferCell;

  constructor(private readonly emulator: Emulator) {
    this.cell = emulator.buffer.active.getNullCell();
  }

  screen(): Row[] {
    const buffer = this.emulator.buffer.active;
    return Array.from({ length: this.emulator.rows }, (_, y) => {
      const line = buffer.getLine(buffer.baseY + y);
      return line ? this.row(line) : BLANK_ROW;
    });
  }

  private row(line: IBufferLine): Row {
    const runs: Row = [];
    for (let x = 0; x < this.emulator.cols; x++) {
      line.getCell(x, this.cell);
      if (this.cell.getWidth() === 0) continue; // the second half of a wide character
      const style = this.cell.isAttributeDefault() ? 0 : this.indexOf(cellStyle(this.cell));
      const text = this.cell.getChars() || " ";
      const last = runs[runs.length - 1];
      if (last && last[1] === style) last[0] += text;
      else runs.push([text, style]);
    }
    // Blank cells at the end of a row show nothing: leave them out.
    const last = runs[runs.length - 1];
    if (last && last[1] === 0) {
      last[0] = last[0].trimEnd();
      if (last[0] === "") runs.pop();
    }
    return runs.length === 0 ? BLANK_ROW : runs;
  }

  private indexOf(style: CellStyle): number {
    const key = JSON.stringify(style);
    let index = this.styleIndex.get(key);
    if (index === undefined) {
      index = this.styles.push(style) - 1;
      this.styleIndex.set(key, index);
    }
    return index;
  }
}

/**
 * What changed from `before` to `after`: the scroll that leaves the fewest rows to rewrite (a log line
 * printed at the bottom scrolls the screen by one and rewrites one row), then those rows.
 */
function stepBetween(before: string[], after: string[], rows: Row[]): Step {
  const blank = JSON.stringify(BLANK_ROW);
  const changedAfter = (scroll: number) =>
    after.flatMap((key, index) => (key === (before[index + scroll] ?? blank) ? [] : [index]));
  let best = { scroll: 0, changed: changedAfter(0) };
  for (let scroll = 1; scroll <= after.length && best.changed.length > 1; scroll++) {
    const changed = changedAfter(scroll);
    if (changed.length < best.changed.length) best = { scroll, changed };
  }
  return { scroll: best.scroll, rows: best.changed.map((index) => [index, rows[index]!]) };
}

/**
 * Writes a recording's output events one at a time into `emulator` (fresh, sized like the player's
 * screen) and records the screen after each: a whole one every `interval` events, and each event's step.
 */
export async function computeScreens(
  output: readonly OutputEvent[],
  emulator: Emulator,
  interval = KEYFRAME_INTERVAL,
): Promise<Screens> {
  const reader = new ScreenReader(emulator);
  const frames: Screens["frames"] = [];
  const steps: Step[] = [];
  let before = reader.screen().map((row) => JSON.stringify(row));
  const record = (position: number) => {
    const rows = reader.screen();
    const after = rows.map((row) => JSON.stringify(row));
    steps.push(stepBetween(before, after, rows));
    if (position % interval === 0) frames.push({ position, rows });
    before = after;
  };
  // All events are queued at once: xterm parses them in order and calls each one's callback right after parsing it,
  // before the next, so each screen is read between two events (one timer per batch, not one per event).
  await new Promise<void>((resolve) => {
    if (output.length === 0) resolve();
    output.forEach((event, index) =>
      emulator.write(event.data, () => {
        record(index + 1);
        if (index === output.length - 1) resolve();
      }),
    );
  });
  return { cols: emulator.cols, rows: emulator.rows, interval, styles: reader.styles, frames, steps };
}
