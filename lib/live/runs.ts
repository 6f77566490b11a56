import type { LiveFrame } from "./events";
import { applyLiveFrame, initialLiveView, isTerminal, type LiveRunView } from "./timeline";

/** One scenario of a presenter step run live: its run id once the server accepted it, and what its frames said. */
export interface LiveRun {
  id?: string;
  view: LiveRunView;
  /** performance.now() when the last frame arrived: the live clock runs on between frames. */
  receivedAt: number;
}

export type LiveRunsEvent =
  | { type: "accepted"; index: number; id: string }
  | { type: "frame"; index: number; frame: LiveFrame; at: number }
  /** The event stream gave up: a run that had not ended failed with the server. */
  | { type: "lost"; index: number; base: string };

export const initialRuns = (scenarios: ReadonlyArray<{ cols: number; rows: number }>): LiveRun[] =>
  scenarios.map((scenario) => ({ view: initialLiveView(scenario.cols, scenario.rows), receivedAt: 0 }));

/**
 * The runs after one event, and the terminal output a frame carries (to be written exactly once).
 * A frame that changes nothing (a reconnect replaying, anything after the end) returns the same runs.
 */
export function advanceRuns(
  runs: readonly LiveRun[],
  event: LiveRunsEvent,
): { runs: readonly LiveRun[]; output?: string } {
  const run = runs[event.index]!;
  const replace = (next: LiveRun) => runs.map((current, index) => (index === event.index ? next : current));
  switch (event.type) {
    case "accepted":
      return { runs: replace({ ...run, id: event.id }) };
    case "frame": {
      const { view, output } = applyLiveFrame(run.view, event.frame);
      return view === run.view ? { runs } : { runs: replace({ ...run, view, receivedAt: event.at }), output };
    }
    case "lost":
      if (isTerminal(run.view)) return { runs };
      return {
        runs: replace({
          ...run,
          view: { ...run.view, status: "failed", message: `lost the live server at ${event.base}` },
        }),
      };
  }
}

/** The runs the server accepted that have not ended: what a cancel (Esc, the Cancel button, leaving the step) stops. */
export const unfinishedRunIds = (runs: readonly LiveRun[]): string[] =>
  runs.flatMap((run) => (run.id && !isTerminal(run.view) ? [run.id] : []));

export const anyRunning = (runs: readonly LiveRun[]) => runs.some((run) => !isTerminal(run.view));

export const allFinished = (runs: readonly LiveRun[]) => runs.every((run) => run.view.status === "finished");

/** A run's clock at `now` (performance.now()): while it runs, the time since its last frame is added on. */
export function runClock(run: LiveRun, now: number): number {
  return run.view.status === "running" ? run.view.latest + Math.max(0, (now - run.receivedAt) / 1000) : run.view.latest;
}
