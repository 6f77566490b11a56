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
