import "@xterm/xterm/css/xterm.css";
import { Terminal, type ITheme } from "@xterm/xterm";
import { TERMINAL_PALETTE } from "@/lib/asciicast/palette";
import { fitFontSize, type FontSizeRange } from "./fit";

/** The course palette in xterm's terms. */
const THEME: ITheme = {
  background: TERMINAL_PALETTE.background,
  foreground: TERMINAL_PALETTE.foreground,
  cursor: TERMINAL_PALETTE.background,
  ...Object.fromEntries(
    [
      "black",
      "red",
      "green",
      "yellow",
      "blue",
      "magenta",
      "cyan",
      "white",
      "brightBlack",
      "brightRed",
      "brightGreen",
      "brightYellow",
      "brightBlue",
      "brightMagenta",
      "brightCyan",
      "brightWhite",
    ].map((name, index) => [name, TERMINAL_PALETTE.ansi[index]]),
  ),
};

/** An xterm terminal for a live run's output: the recording's size, the course palette. */
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
  });
  term.open(container);
  // The terminal takes no input: keep xterm's hidden input out of the tab order.
  term.textarea?.setAttribute("tabindex", "-1");
  return term;
}

/** Fits a live run's xterm by font size, like the replay's screen (./fit.ts). */
export function fitTerminal(term: Terminal, container: HTMLElement, sizes: FontSizeRange): void {
  fitFontSize(
    {
      get fontSize() {
        return term.options.fontSize ?? sizes.max;
      },
      set fontSize(size: number) {
        term.options.fontSize = size;
      },
      usedWidth: () => container.querySelector(".xterm-screen")?.getBoundingClientRect().width ?? 0,
    },
    container,
    sizes,
  );
}
