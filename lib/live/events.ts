import type { ScenarioEvent } from "@/lib/recordings/manifest-schema";

/**
 * What the live demo server (sandboxes/live) streams about one run, as server-sent events.
 * Each frame carries a sequence number (the SSE id), so a reconnecting client resumes without
 * seeing an event twice.
 */
export type LiveEvent =
  /** Waiting for the runs ahead of it; `position` 1 runs next. */
  | { type: "queued"; position: number }
  /** Building the bases and images before the scenario starts (cached after the first run). */
  | { type: "preparing"; message: string }
  /** `at`: the server's wall clock (ms since the epoch) at the cast's zero, so a client can tell how late events arrive. */
  | { type: "started"; title: string; cols: number; rows: number; at: number }
  /** Terminal output, `t` seconds after the run started, exactly as the recorder writes it to a cast. */
  | { type: "output"; t: number; data: string }
  /** A marker with its state patch: the same event a recording's manifest holds. */
  | { type: "marker"; event: ScenarioEvent }
  | { type: "finished"; durationSeconds: number }
  | { type: "failed"; message: string }
  | { type: "cancelled"; removedContainers: string[] };

export interface LiveFrame {
  seq: number;
  event: LiveEvent;
}

/** The events that end a run. A run's view takes the name of the event that ended it as its status (lib/live/timeline.ts). */
const RUN_ENDINGS = ["finished", "failed", "cancelled"] as const satisfies ReadonlyArray<LiveEvent["type"]>;
export type RunEnding = (typeof RUN_ENDINGS)[number];
export const TERMINAL_EVENTS: ReadonlySet<string> = new Set(RUN_ENDINGS);

/** The live server listens on this machine only (it runs containers here), on this port unless `npm run demo:live -- --port` says otherwise. */
export const LIVE_HOST = "127.0.0.1";
export const DEFAULT_LIVE_PORT = 4100;

/** Where the presenter looks for `npm run demo:live` unless the page's `?live=` says otherwise. */
export const DEFAULT_LIVE_SERVER = `http://${LIVE_HOST}:${DEFAULT_LIVE_PORT}`;

/** The host names that mean "this machine" (the live server accepts nothing else). */
export const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(["127.0.0.1", "localhost", "[::1]"]);
