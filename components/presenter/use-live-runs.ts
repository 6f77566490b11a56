"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { cancelLiveRun, followLiveRun, startLiveRun } from "@/lib/live/client";
import { advanceRuns, initialRuns, unfinishedRunIds, type LiveRun, type LiveRunsEvent } from "@/lib/live/runs";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";

export interface LiveRunsOptions {
  base: string;
  scenarios: readonly ScenarioSummary[];
  /** Back to the recording, saying why: the server refused a run. */
  onExit: (notice: string) => void;
  /** Puts a run's terminal output on its terminal. */
  write: (index: number, data: string) => void;
}

/**
 * Starts every scenario of a step on the live server (it queues them: one runs, the next waits)
 * and follows each run's event stream. `cancel` stops every run that has not ended (Esc, the
 * Cancel button); leaving the step does the same, so nothing keeps running unseen.
 */
export function useLiveRuns({ base, scenarios, onExit, write }: LiveRunsOptions) {
  const [runs, setRuns] = useState<readonly LiveRun[]>(() => initialRuns(scenarios));
  // Frames arrive one by one from the event streams; the ref is the source of truth so each
  // frame's output is written to the terminal exactly once, outside React's render.
  const runsRef = useRef(runs);

  const cancel = useCallback(() => {
    for (const id of unfinishedRunIds(runsRef.current)) void cancelLiveRun(base, id).catch(() => {});
  }, [base]);

  useEffect(() => {
    let stopped = false;
    const unfollow: Array<() => void> = [];
    const apply = (event: LiveRunsEvent) => {
      const next = advanceRuns(runsRef.current, event);
      if (next.runs === runsRef.current) return;
      if (next.output !== undefined) write(event.index, next.output);
      runsRef.current = next.runs;
      setRuns(next.runs);
    };
    (async () => {
      for (const [index, scenario] of scenarios.entries()) {
        let id: string;
        try {
          ({ id } = await startLiveRun(base, scenario.name));
        } catch (error) {
          if (!stopped)
            onExit(
              `Live run refused: ${error instanceof Error ? error.message : String(error)}. Showing the recording.`,
            );
          return;
        }
        if (stopped) return void cancelLiveRun(base, id).catch(() => {});
        apply({ type: "accepted", index, id });
        unfollow.push(
          followLiveRun(
            base,
            id,
            (frame) => apply({ type: "frame", index, frame, at: performance.now() }),
            () => apply({ type: "lost", index, base }),
          ),
        );
      }
    })();
    return () => {
      stopped = true;
      unfollow.forEach((close) => close());
      cancel();
    };
  }, [base, scenarios, onExit, write, cancel]);

  return { runs, cancel };
}

/** performance.now(), four times a second while `running`: the live clocks run on between frames. */
export function useLiveClock(running: boolean): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
