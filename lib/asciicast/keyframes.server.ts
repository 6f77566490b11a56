import "server-only";
import { Terminal, type IBufferCell, type IBufferLine } from "@xterm/headless";
import type { Recording } from "./parse";
import { rowsUsed } from "./transcript";
import { KEYFRAME_INTERVAL, PLAYER_SCROLLBACK, type Keyframes } from "./keyframes";

/** A headless terminal of the recording's size with the player's scrollback, and a promise-returning write. */
export function headlessTerminal(recording: Pick<Recording, "cols" | "rows">) {
  const term = new Terminal({
    cols: recording.cols,
    rows: recording.rows,
    scrollback: PLAYER_SCROLLBACK,
    // The buffer API (reading cells) is "proposed" in xterm's terms.
    allowProposedApi: true,
  });
  const write = (data: string) => new Promise<void>((resolve) => term.write(data, resolve));
  return { term, write };
}

const ESC = "\u001b";
/** xterm's colour mode for the 16 basic colours (SGR 30–37, 90–97), as getFgColorMode() reports it. */
const COLOR_MODE_16 = 0x1000000;

/** The SGR parameters that set a cell's colours and attributes from scratch (after a 0). */
function cellStyle(cell: IBufferCell): string {
  const params = ["0"];
  const color = (isFg: boolean) => {
    const value = isFg ? cell.getFgColor() : cell.getBgColor();
    const mode = isFg ? cell.getFgColorMode() : cell.getBgColorMode();
    if (isFg ? cell.isFgRGB() : cell.isBgRGB())
      params.push(`${isFg ? 38 : 48};2;${(value >>> 16) & 255};${(value >>> 8) & 255};${value & 255}`);
    // The 16 basic colours keep their own codes: xterm draws bold text in them bright, not in 256-colour ones.
    else if (mode === COLOR_MODE_16) params.push(String((isFg ? 30 : 40) + (value & 7) + (value & 8 ? 60 : 0)));
    else if (isFg ? cell.isFgPalette() : cell.isBgPalette()) params.push(`${isFg ? 38 : 48};5;${value}`);
  };
  color(true);
  color(false);
  if (cell.isBold()) params.push("1");
  if (cell.isDim()) params.push("2");
  if (cell.isItalic()) params.push("3");
  if (cell.isUnderline()) params.push("4");
  if (cell.isBlink()) params.push("5");
  if (cell.isInverse()) params.push("7");
  if (cell.isInvisible()) params.push("8");
  if (cell.isStrikethrough()) params.push("9");
  if (cell.isOverline()) params.push("53");
  return params.join(";");
}

/** How many leading cells of a line to write: up to its last non-blank or styled cell, or all of it if the next line continues it. */
function usedWidth(line: IBufferLine, cols: number, continues: boolean, cell: IBufferCell): number {
  if (continues) return cols;
  for (let x = cols - 1; x >= 0; x--) {
    line.getCell(x, cell);
    if (cell.getChars() !== "" || !cell.isAttributeDefault()) return x + 1;
  }
  return 0;
}

/**
 * Writes a terminal's screen (every cell's character, colours and attributes, which rows continue a
 * wrapped line, the cursor) as output that rebuilds it in a freshly reset terminal of the same size.
 * Every style change sets the whole style (SGR 0 first), so no state leaks between cells.
 *
 * The scrollback above the screen is left out, but for the start of a line the first row continues.
 * Each line written past the bottom scrolls the browser's xterm once, and each scroll restyles its
 * scrollbar and resets a timer: on the lesson page that was about 5 ms of a 20 ms seek with 120
 * lines of history. It also keeps a keyframe's size, and so a seek's cost, independent of how long
 * the recording has run. The transcript below the player keeps every line.
 */
export function serializeTerminal(term: Terminal): string {
  const buffer = term.buffer.normal;
  if (term.buffer.active.type !== "normal")
    throw new Error("a keyframe on the alternate screen is not supported; the course's recordings never use it");
  const cell = buffer.getNullCell();
  let out = "";
  let style = "0";
  let top = buffer.baseY;
  while (top > 0 && buffer.getLine(top)!.isWrapped) top--;
  for (let y = top; y < buffer.length; y++) {
    const line = buffer.getLine(y)!;
    const continues = buffer.getLine(y + 1)?.isWrapped ?? false;
    const width = usedWidth(line, term.cols, continues, cell);
    for (let x = 0; x < width; x++) {
      line.getCell(x, cell);
      if (cell.getWidth() === 0) continue; // the second half of a wide character
      const next = cellStyle(cell);
      if (next !== style) out += `${ESC}[${next}m`;
      style = next;
      out += cell.getChars() || " ";
    }
    if (y < buffer.length - 1 && !continues) {
      if (style !== "0") out += `${ESC}[0m`;
      style = "0";
      out += "\r\n";
    }
  }
  out += `${ESC}[0m`;
  // A cursor past the last column is a pending wrap: rewrite the last cell to bring that state back.
  const { cursorX, cursorY } = buffer;
  if (cursorX >= term.cols) {
    const line = buffer.getLine(buffer.baseY + cursorY)!;
    line.getCell(term.cols - 1, cell);
    out += `${ESC}[${cursorY + 1};${term.cols}H${ESC}[${cellStyle(cell)}m${cell.getChars() || " "}${ESC}[0m`;
  } else {
    out += `${ESC}[${cursorY + 1};${cursorX + 1}H`;
  }
  const modes = term.modes;
  if (modes.insertMode) out += `${ESC}[4h`;
  if (!modes.wraparoundMode) out += `${ESC}[?7l`;
  if (modes.originMode) out += `${ESC}[?6h`;
  return out;
}

/**
 * Replays a recording in a headless xterm (the player's emulator, without a screen) and serializes
 * the whole terminal every `interval` output events: the keyframes a seek restores. Runs at build
 * time, when /keyframes/<scenario>.json is prerendered.
 */
export async function computeKeyframes(recording: Recording, interval = KEYFRAME_INTERVAL): Promise<Keyframes> {
  // The player shows only the rows the recording prints into (rowsUsed); a keyframe's cursor and screen must be of
  // that size, or a restore lands the cursor on another row than playing through does.
  const { term, write } = headlessTerminal({ cols: recording.cols, rows: rowsUsed(recording) });
  const frames: Keyframes["frames"] = [];
  try {
    for (let position = interval; position <= recording.output.length; position += interval) {
      let chunk = "";
      for (let index = position - interval; index < position; index++) chunk += recording.output[index]!.data;
      await write(chunk);
      frames.push({ position, screen: serializeTerminal(term) });
    }
  } finally {
    term.dispose();
  }
  return { interval, frames };
}
