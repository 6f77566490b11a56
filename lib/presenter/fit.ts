/**
 * Presenter mode sizes the player by its width: a terminal keeps its recorded columns and takes its
 * font from the width, so its height grows with the width while the state panel and the controls
 * stay about as tall. One measurement of the player therefore says how wide it may be to fit the
 * height the stage has left.
 */

/** A box's vertical edges (px), as `getBoundingClientRect` gives them. */
export interface VerticalSpan {
  top: number;
  bottom: number;
}

/** The player as laid out at `width`: its whole height and its terminals' boxes. */
export interface PlayerMeasurement {
  width: number;
  height: number;
  terminals: readonly VerticalSpan[];
}

/**
 * How much of the player's height the terminals take: side-by-side terminals count once, stacked
 * ones add up (the union of their vertical spans).
 */
export function terminalsHeight(terminals: readonly VerticalSpan[]): number {
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
 * The narrowest a side may get (px): a terminal narrower than this is unreadable, and a compare
 * player narrower than two of them would stack its sides and grow taller, not shorter.
 */
export const MIN_SIDE_WIDTH = 320;

/**
 * The width (px) at which the player is `available` px tall, between `sides` × MIN_SIDE_WIDTH and
 * `maxWidth`: the terminals scale with the width, the rest of the player is taken as fixed.
 * Rounded down to a whole pixel so repeated measurements settle instead of creeping.
 */
export function fittedPlayerWidth(
  measured: PlayerMeasurement,
  available: number,
  { maxWidth, sides }: { maxWidth: number; sides: number },
): number {
  const scaling = terminalsHeight(measured.terminals);
  const fixed = measured.height - scaling;
  if (measured.width <= 0 || scaling <= 0) return Math.floor(maxWidth);
  const width = (measured.width * (available - fixed)) / scaling;
  return Math.floor(Math.min(maxWidth, Math.max(MIN_SIDE_WIDTH * sides, width)));
}
