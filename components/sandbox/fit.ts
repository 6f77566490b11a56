import { PRESENTATION_MIN_FONT_SIZE } from "@/lib/presenter/fit";

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

/** A terminal that is fitted by its font size: the replay's screen or a live run's xterm. */
export interface FontSized {
  fontSize: number;
  /** The width its columns take at the current font size, in CSS px; 0 when it is not laid out. */
  usedWidth(): number;
}

/** The width the terminal may fill: the container's content box (its padding is not room for text). */
function contentWidth(container: HTMLElement): number {
  const style = getComputedStyle(container);
  return container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

/** Fits by font size, never by columns, so recorded lines never re-wrap; the size stays within `sizes`. */
export function fitFontSize(terminal: FontSized, container: HTMLElement, sizes: FontSizeRange): void {
  const available = contentWidth(container);
  for (let attempt = 0; attempt < 3; attempt++) {
    const used = terminal.usedWidth();
    if (!used || available <= 0) break;
    const current = terminal.fontSize;
    const fitted = Math.floor(current * (available / used) * 4) / 4;
    const next = Math.max(sizes.min, Math.min(sizes.max, fitted));
    if (next === current || (used <= available && next > current && next - current < 0.5)) break;
    terminal.fontSize = next;
  }
}
