"use client";

import { useEffect, useState } from "react";
import { parseAsciicast } from "@/lib/asciicast/parse";
import { fetchLiveCast } from "@/lib/live/client";
import { allFinished, type LiveRun } from "@/lib/live/runs";
import { alignEvents } from "@/lib/recordings/timeline";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";

export interface LiveReplayOptions {
  base: string;
  scenarios: readonly ScenarioSummary[];
  runs: readonly LiveRun[];
  /** Back to the recording, saying why: what was captured could not be loaded. */
  onExit: (notice: string) => void;
}

/**
 * When every run of the step has finished: what each captured, fetched from the live server, as
 * scenarios the player can replay (their casts as object URLs, released with the step).
 */
export function useLiveReplay({ base, scenarios, runs, onExit }: LiveReplayOptions): ScenarioSummary[] | undefined {
  const [replay, setReplay] = useState<ScenarioSummary[] | undefined>();

  useEffect(() => {
    if (!allFinished(runs) || replay) return;
    let cancelled = false;
    Promise.all(
      runs.map(async (run, index) => {
        const text = await fetchLiveCast(base, run.id!);
        const recording = parseAsciicast(text);
        const src = URL.createObjectURL(new Blob([text], { type: "application/x-asciicast" }));
        return {
          ...scenarios[index]!,
          src,
          duration: recording.duration,
          events: alignEvents(recording, run.view.events),
        } satisfies ScenarioSummary;
      }),
    ).then(
      (summaries) => !cancelled && setReplay(summaries),
      (error: Error) => !cancelled && onExit(`${error.message}. Showing the recording.`),
    );
    return () => {
      cancelled = true;
    };
  }, [runs, replay, base, scenarios, onExit]);

  useEffect(() => () => replay?.forEach((summary) => URL.revokeObjectURL(summary.src)), [replay]);
  return replay;
}
