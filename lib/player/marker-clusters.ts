/**
 * Markers on the seek bar, grouped where they would overlap: a marker closer than a touch target to the previous
 * one joins its group, and the bar shows one target for the group that opens a list. Pure, so it is tested alone.
 */

/** The smallest target a pointer or a finger can hit reliably (WCAG 2.5.8), in CSS px. */
export const MARKER_TARGET_PX = 24;

export interface MarkerCluster<T> {
  /** Where the group's target sits on the bar, as a fraction of the duration: at its first marker. */
  position: number;
  members: T[];
}

/**
 * Groups time-sorted markers so no two targets (MARKER_TARGET_PX wide on a bar `trackWidth` px long) overlap: a group
 * takes every marker within one target of its first, so groups stay small and their targets a target apart.
 */
export function clusterMarkers<T extends { time: number }>(
  markers: readonly T[],
  duration: number,
  trackWidth: number,
): Array<MarkerCluster<T>> {
  if (duration <= 0 || markers.length === 0) return [];
  const minGap = trackWidth > 0 ? MARKER_TARGET_PX / trackWidth : 1;
  const sorted = [...markers].sort((a, b) => a.time - b.time);
  const groups: T[][] = [];
  for (const marker of sorted) {
    const group = groups.at(-1);
    if (group && (marker.time - group[0]!.time) / duration < minGap) group.push(marker);
    else groups.push([marker]);
  }
  return groups.map((members) => ({ position: Math.min(1, members[0]!.time / duration), members }));
}
