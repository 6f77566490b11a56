import { rawToPlayback } from "@/lib/asciicast/time-map";
import type { Recording } from "@/lib/asciicast/parse";
import type { Manifest, RequestCountsFacts } from "@/lib/recordings/manifest-schema";

type RollingFacts = Manifest["scenarios"]["rolling-optimized"]["facts"];
export type BackendState = RollingFacts["backends"][number]["states"][string];

/** A rolling deploy's traffic on the recording's playback clock, ready to draw. Times are playback seconds. */
export interface TrafficChart {
  duration: number;
  /** One bucket per second of load. */
  seconds: { start: number; end: number; ok: number; failed: number }[];
  maxPerSecond: number;
  /** Each replica's state in the balancer as bands; a replica with no container is left out. */
  replicas: { name: string; bands: { start: number; end: number; state: Exclude<BackendState, "absent"> }[] }[];
}

/** The requests in `counts` that failed: every answer outside 2xx and every request with no answer. */
export const failedCount = (counts: RequestCountsFacts) =>
  Object.values(counts.httpErrors).reduce((sum, n) => sum + n, 0) +
  counts.resets +
  counts.timeouts +
  counts.otherErrors;

/**
 * Maps the manifest's per-second counts and balancer samples (recorded times) onto the cast's
 * playback clock, which compresses idle stretches, so the chart and the terminal share one playhead.
 */
export function trafficChart(facts: RollingFacts, recording: Pick<Recording, "timeMap" | "duration">): TrafficChart {
  const at = (raw: number) => Math.min(recording.duration, rawToPlayback(recording, raw));
  const seconds = facts.perSecond.map((counts, index) => {
    const failed = failedCount(counts);
    return {
      start: at(facts.loadStartedAt + index),
      end: at(facts.loadStartedAt + index + 1),
      ok: counts.sent - failed,
      failed,
    };
  });
  const names = [...new Set(facts.backends.flatMap((sample) => Object.keys(sample.states)))];
  const replicas = names.map((name) => {
    const bands: TrafficChart["replicas"][number]["bands"] = [];
    facts.backends.forEach((sample, index) => {
      const state = sample.states[name] ?? "absent";
      const end = at(facts.backends[index + 1]?.t ?? sample.t);
      const last = bands[bands.length - 1];
      if (state === "absent") return;
      if (last && last.state === state && last.end === at(sample.t)) last.end = end;
      else bands.push({ start: at(sample.t), end, state });
    });
    return { name, bands };
  });
  return {
    duration: recording.duration,
    seconds,
    maxPerSecond: Math.max(1, ...seconds.map((second) => second.ok + second.failed)),
    replicas: replicas.filter((replica) => replica.bands.length > 0),
  };
}
