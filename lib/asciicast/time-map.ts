import type { Recording } from "./parse";

/** Recorded time → playback time, piecewise linear through every event (pauses are compressed, not skipped). */
export function rawToPlayback(recording: Pick<Recording, "timeMap">, raw: number): number {
  return interpolate(recording.timeMap, raw, 0, 1);
}

/** Playback time → recorded time; inside a shortened pause recorded time runs faster than the clock. */
export function playbackToRaw(recording: Pick<Recording, "timeMap">, time: number): number {
  return interpolate(recording.timeMap, time, 1, 0);
}

function interpolate(map: Array<[number, number]>, x: number, from: 0 | 1, to: 0 | 1): number {
  if (map.length === 0) return x;
  const last = map[map.length - 1]!;
  if (x >= last[from]) return last[to] + (x - last[from]);
  // Largest index with map[i][from] <= x.
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (map[mid]![from] <= x) low = mid;
    else high = mid - 1;
  }
  const a = map[low]!;
  const b = map[low + 1];
  if (!b || b[from] === a[from]) return a[to];
  return a[to] + ((x - a[from]) * (b[to] - a[to])) / (b[from] - a[from]);
}
