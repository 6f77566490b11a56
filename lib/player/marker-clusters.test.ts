import { describe, expect, it } from "vitest";
import { clusterMarkers, MARKER_TARGET_PX } from "./marker-clusters";

const at = (...times: number[]) => times.map((time) => ({ time }));

describe("clusterMarkers", () => {
  it("keeps markers a target apart as their own targets", () => {
    // 100 s on a 1000 px bar: 24 px is 2.4 s.
    const clusters = clusterMarkers(at(10, 20, 30), 100, 1000);
    expect(clusters.map((cluster) => cluster.members.length)).toEqual([1, 1, 1]);
    expect(clusters[0]!.position).toBeCloseTo(0.1);
  });

  it("groups markers that would cover each other, so every one stays reachable through its group", () => {
    const clusters = clusterMarkers(at(10, 11, 12, 50), 100, 1000);
    expect(clusters.map((cluster) => cluster.members.map((member) => member.time))).toEqual([[10, 11, 12], [50]]);
    // A long run of close markers is split, so no list grows long.
    expect(clusterMarkers(at(10, 11, 12, 13, 14), 100, 1000).map((cluster) => cluster.members.length)).toEqual([3, 2]);
    expect(clusters[0]!.position).toBeCloseTo(0.1);
  });

  it("groups more on a narrow bar, every marker in exactly one group, the groups' targets a target apart", () => {
    const times = at(1, 3, 5, 7, 9, 30, 60);
    const wide = clusterMarkers(times, 60, 2000);
    const narrow = clusterMarkers(times, 60, 300);
    expect(wide.length).toBeGreaterThan(narrow.length);
    expect(narrow.flatMap((cluster) => cluster.members)).toEqual(times);
    for (let i = 1; i < narrow.length; i++)
      expect(narrow[i]!.position - narrow[i - 1]!.position).toBeGreaterThanOrEqual(MARKER_TARGET_PX / 300);
  });

  it("has nothing to show without markers or a duration", () => {
    expect(clusterMarkers([], 10, 500)).toEqual([]);
    expect(clusterMarkers(at(1), 0, 500)).toEqual([]);
  });
});
