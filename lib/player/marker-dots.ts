/**
 * The seek bar's markers as dots painted by one CSS background, for the bar shown before the player has loaded: no
 * marker can be hit there yet, so the seek row's background stands for all of them instead of a button each (issue
 * 17: a lesson has nine such bars). Each dot sits where the player's marker target is centred, 10 px wide, 12 px down
 * the track.
 */

/** A side's colour, as the player's marker targets and the compare legend paint it. */
const SIDE_COLOURS = ["var(--accent)", "var(--focus)"] as const;

export function markerDotsBackground(
  markers: ReadonlyArray<{ time: number; side: number }>,
  duration: number,
): string | undefined {
  if (duration <= 0 || markers.length === 0) return undefined;
  return markers
    .map(({ time, side }) => {
      const percent = Math.round(Math.min(1, time / duration) * 10000) / 100;
      const colour = SIDE_COLOURS[side] ?? SIDE_COLOURS[0];
      return `radial-gradient(circle at ${percent}% 12px, ${colour} 4.5px, transparent 5px)`;
    })
    .join(", ");
}
