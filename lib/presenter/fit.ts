/**
 * Presenter mode sizes the player by its width: a terminal keeps its recorded columns and takes its
 * font from its width, so its height grows with its width while the state panel and the controls
 * stay about as tall. One measurement of the player therefore says how wide it may be to fit the
 * height the stage has left.
 */

/** A terminal screen's box (px), as `getBoundingClientRect` gives it. */
export interface ScreenBox {
  top: number;
  bottom: number;
  width: number;
}

/** The player as laid out at `width`: its whole height and its terminal screens' boxes. */
export interface PlayerMeasurement {
  width: number;
  height: number;
  terminals: readonly ScreenBox[];
}

/**
 * How much of the player's height the terminals take: side-by-side terminals count once, stacked
 * ones add up (the union of their vertical spans).
 */
export function terminalsHeight(terminals: readonly Pick<ScreenBox, "top" | "bottom">[]): number {
  const spans = [...terminals].sort((a, b) => a.top - b.top);
  let total = 0;
  let reached = -Infinity;
  for (const { top, bottom } of spans) {
    const from = Math.max(top, reached);
    if (bottom > from) total += bottom - from;
    reached = Math.max(reached, bottom);
  }
  return total;
}

/**
 * The smallest terminal font (px) on a presenter's stage (PRESENTATION_FONT_SIZES in components/sandbox/terminal.ts
 * takes it): a compare's two 100-column terminals and their state panels fit a 1280×720 projector with the speaker
 * notes beside the stage at 8 px, and at about 9.5 px without them.
 */
export const PRESENTATION_MIN_FONT_SIZE = 8;

/**
 * The narrowest a terminal screen may get (px): 100 recorded columns at that font (a cell 0.6 em wide) plus its
 * padding. The font stops there, so a narrower screen would cut its lines instead of fitting the stage.
 */
export const MIN_SCREEN_WIDTH = 100 * 0.6 * PRESENTATION_MIN_FONT_SIZE + 16;

/**
 * The width (px) at which the player is `available` px tall, at most `maxWidth`. A screen's height
 * follows its own width; the player's width is its screens side by side plus what does not scale
 * (gaps, a state panel beside a terminal), and the rest of its height is taken as fixed. Rounded
 * down to a whole pixel so repeated measurements settle instead of creeping.
 */
export function fittedPlayerWidth(measured: PlayerMeasurement, available: number, maxWidth: number): number {
  const scaling = terminalsHeight(measured.terminals);
  const first = measured.terminals[0];
  if (!first || measured.width <= 0 || scaling <= 0 || first.width <= 0) return Math.floor(maxWidth);
  const fixed = measured.height - scaling;
  const { perRow, extra } = widthParts(measured);
  const screenWidth = Math.max(MIN_SCREEN_WIDTH, (first.width * (available - fixed)) / scaling);
  return Math.floor(Math.min(maxWidth, extra + perRow * screenWidth));
}

/** How many screens sit side by side, and the width that is not theirs (gaps, a panel beside them). */
function widthParts(measured: PlayerMeasurement): { perRow: number; extra: number } {
  const { terminals } = measured;
  const perRow = Math.max(1, ...terminals.map((box) => terminals.filter((other) => other.top === box.top).length));
  return { perRow, extra: measured.width - perRow * (terminals[0]?.width ?? 0) };
}

/** The narrowest player whose screens keep MIN_SCREEN_WIDTH. */
function minimumPlayerWidth(measured: PlayerMeasurement): number {
  const { perRow, extra } = widthParts(measured);
  return Math.ceil(extra + perRow * MIN_SCREEN_WIDTH);
}

/** How far a player that is still too tall is narrowed when the estimate would not narrow it (px). */
export const SHRINK_STEP = 16;

/**
 * The player's next width, or undefined to keep `current`. A terminal's height moves with its font size in
 * steps (a quarter pixel, and a live run's xterm in whole rows of whole pixels), so an estimate can land a little over, then a step under, for ever: the player is
 * sized afresh only for a new step (`current` undefined) or a new stage size (`stageChanged`); after
 * that it only narrows, and only while it is too tall.
 */
export function nextPlayerWidth({
  measured,
  available,
  maxWidth,
  current,
  stageChanged,
}: {
  measured: PlayerMeasurement;
  available: number;
  maxWidth: number;
  current: number | undefined;
  stageChanged: boolean;
}): number | undefined {
  const estimate = fittedPlayerWidth(measured, available, maxWidth);
  if (current === undefined || stageChanged) return estimate === current ? undefined : estimate;
  if (measured.height <= available) return undefined;
  const narrower = Math.max(Math.min(estimate, current - SHRINK_STEP), minimumPlayerWidth(measured));
  return narrower < current ? narrower : undefined;
}
