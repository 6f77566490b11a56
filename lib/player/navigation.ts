/** Where the player's keys and buttons move the playhead; pure, so the player and any reducer over it share them. */

/** Index of the last event at or before `time`, or -1. */
export function eventIndexAt(events: readonly { time: number }[], time: number): number {
  let index = -1;
  for (let i = 0; i < events.length; i++) {
    if (events[i]!.time <= time + 1e-9) index = i;
    else break;
  }
  return index;
}

/** The next marker strictly after `time` (markers a few ms apart stay distinct stops). */
export function nextMarkerTime(times: readonly number[], time: number): number | undefined {
  return [...times].sort((a, b) => a - b).find((t) => t > time + 1e-4);
}

/**
 * The previous marker before `time`. Like a media player's "previous track": from just after a
 * marker (within 1 s while playing) it goes to the one before, so repeated presses walk back.
 */
export function previousMarkerTime(times: readonly number[], time: number, grace = 1e-4): number | undefined {
  return [...times].sort((a, b) => b - a).find((t) => t < time - grace);
}

/** Time at a percentage of the duration, for the 0–9 keys (0 → 0 %, 9 → 90 %). */
export function timeAtDigit(duration: number, digit: number): number {
  return (duration * Math.min(9, Math.max(0, digit))) / 10;
}

/** The seek bar's step in seconds: what its arrow keys move the playhead by, and the grid its positions sit on. */
export const SEEK_BAR_STEP = 0.1;

/**
 * The seek bar's maximum: the duration rounded up to a whole step. A range input holds only values on its step grid
 * (0, 0.1, 0.2, …), so with the duration itself as maximum (35.044 s) its end, End or the right edge, would be 35.0 s:
 * before the last output, the screen one line short of where playing through ends. The clock clamps to the duration.
 */
export function seekBarMax(duration: number): number {
  // A duration already on the grid stays (the epsilon absorbs 0.30000000000000004); dividing keeps 35.1 exact.
  return Math.max(0, Math.ceil(duration / SEEK_BAR_STEP - 1e-9)) / (1 / SEEK_BAR_STEP);
}

/**
 * The value the seek bar shows for `time`: on its step grid, the end of the recording at the bar's end. A range input
 * moves any other value to the nearest step and then reports that as a change (React calls onChange with it), so
 * showing the playhead at 35.044 s would seek it back to 35.0 s, before the last output.
 */
export function seekBarValue(time: number, duration: number): number {
  if (time >= duration) return seekBarMax(duration);
  return Math.round(time / SEEK_BAR_STEP) / (1 / SEEK_BAR_STEP);
}
