/**
 * The course's terminal palette, for both site themes: recordings look like a terminal, and every ANSI colour keeps
 * AA contrast on its background. The replay's screens are coloured with it when they are computed (./screens.ts), and
 * a live run's xterm is given the same (components/sandbox/terminal.ts).
 */
export const TERMINAL_PALETTE = {
  background: "#0d1117",
  foreground: "#e6edf3",
  /** ANSI colours 0 to 15: black, red, green, yellow, blue, magenta, cyan, white, then their bright forms. */
  ansi: [
    "#6e7681",
    "#ff7b72",
    "#3fb950",
    "#d29922",
    "#58a6ff",
    "#d2a8ff",
    "#39c5cf",
    "#c9d1d9",
    "#8b949e",
    "#ffa198",
    "#56d364",
    "#e3b341",
    "#79c0ff",
    "#e2c5ff",
    "#56d4dd",
    "#f0f6fc",
  ],
} as const;

const hex = (value: number) => value.toString(16).padStart(2, "0");

/** A 24-bit colour (0xRRGGBB) as CSS. */
export function rgbColor(value: number): string {
  return `#${hex((value >>> 16) & 255)}${hex((value >>> 8) & 255)}${hex(value & 255)}`;
}

/** xterm's 256-colour table: the palette's 16, a 6×6×6 cube, then 24 greys. */
export function ansi256Color(index: number): string {
  if (index < 16) return TERMINAL_PALETTE.ansi[index]!;
  if (index < 232) {
    const levels = [0, 95, 135, 175, 215, 255];
    const cube = index - 16;
    const level = (step: number) => levels[step]!;
    return rgbColor((level(Math.floor(cube / 36)) << 16) | (level(Math.floor(cube / 6) % 6) << 8) | level(cube % 6));
  }
  const grey = 8 + (index - 232) * 10;
  return rgbColor((grey << 16) | (grey << 8) | grey);
}
