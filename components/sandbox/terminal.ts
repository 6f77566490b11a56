import { Terminal, type ITheme } from "@xterm/xterm";
import { PLAYER_SCROLLBACK } from "@/lib/asciicast/keyframes";
import { PRESENTATION_MIN_FONT_SIZE } from "@/lib/presenter/fit";

/** One palette for both site themes: recordings look like a terminal, and every ANSI colour keeps AA contrast on it. */
const THEME: ITheme = {
  background: "#0d1117",
  foreground: "#e6edf3",
  cursor: "#0d1117",
  black: "#6e7681",
  red: "#ff7b72",
  green: "#3fb950",
  yellow: "#d29922",
  blue: "#58a6ff",
  magenta: "#d2a8ff",
  cyan: "#39c5cf",
  white: "#c9d1d9",
  brightBlack: "#8b949e",
  brightRed: "#ffa198",
  brightGreen: "#56d364",
  brightYellow: "#e3b341",
  brightBlue: "#79c0ff",
  brightMagenta: "#e2c5ff",
  brightCyan: "#56d4dd",
  brightWhite: "#f0f6fc",
};

/** The font sizes (px) a fitted terminal stays between. */
export interface FontSizeRange {
  min: number;
  max: number;
}

/**
 * A lesson's terminals: at most 15 px in the text column, and never below 12 px, legible on a phone
 * (below that width the screen scrolls sideways instead of shrinking).
 */
export const LESSON_FONT_SIZES: FontSizeRange = { min: 12, max: 15 };

/**
 * Presenter mode's terminals, replayed or live; the stage's size decides the actual font. A projector
 * shows its 1280 px on a wall, where a compare's two 100-column terminals and their panels fit only below a
 * reader's 12 px (see PRESENTATION_MIN_FONT_SIZE); a 1920×1080 stage gives them 13 px and more.
 */
export const PRESENTATION_FONT_SIZES: FontSizeRange = { min: PRESENTATION_MIN_FONT_SIZE, max: 32 };

/** An xterm terminal for output only (a replay or a live run): the recording's size, the course palette. */
export function openTerminal(container: HTMLElement, cols: number, rows: number, fontSize: number): Terminal {
  const term = new Terminal({
    cols,
    rows,
    fontSize,
    fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
    theme: THEME,
    disableStdin: true,
    cursorBlink: false,
    cursorInactiveStyle: "none",
    scrollback: PLAYER_SCROLLBACK,
  });
  term.open(container);
  // The terminal takes no input: keep xterm's hidden input out of the tab order.
  term.textarea?.setAttribute("tabindex", "-1");
  return term;
}

/** The width the terminal may fill: the container's content box (its padding is not room for text). */
function contentWidth(container: HTMLElement): number {
  const style = getComputedStyle(container);
  return container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

/** Fits by font size, never by columns, so recorded lines never re-wrap; the size stays within `sizes`. */
export function fitTerminal(term: Terminal, container: HTMLElement, sizes: FontSizeRange): void {
  const available = contentWidth(container);
  for (let attempt = 0; attempt < 3; attempt++) {
    const screen = container.querySelector<HTMLElement>(".xterm-screen");
    const used = screen?.getBoundingClientRect().width ?? 0;
    if (!used || available <= 0) break;
    const current = term.options.fontSize ?? sizes.max;
    const fitted = Math.floor(current * (available / used) * 4) / 4;
    const next = Math.max(sizes.min, Math.min(sizes.max, fitted));
    if (next === current || (used <= available && next > current && next - current < 0.5)) break;
    term.options.fontSize = next;
  }
}
