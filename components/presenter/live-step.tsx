"use client";

import "@xterm/xterm/css/xterm.css";
import { useCallback, useImperativeHandle, useState, type Ref, type RefObject } from "react";
import { formatTime } from "@/lib/asciicast/time-display";
import { saveLiveRun } from "@/lib/live/client";
import { anyRunning, runClock } from "@/lib/live/runs";
import { liveStateAt, type LiveRunView } from "@/lib/live/timeline";
import { SandboxPlayer, type PlayerHandle } from "@/components/sandbox/sandbox-player";
import { Side } from "@/components/sandbox/side";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";
import sandboxStyles from "@/components/sandbox/sandbox.module.css";
import { useLiveClock, useLiveRuns } from "./use-live-runs";
import { useLiveReplay } from "./use-live-replay";
import { useLiveTerminals } from "./use-live-terminals";
import styles from "./presenter.module.css";

/** What the presenter asks of a live step: Esc cancels whatever is still queued or running. */
export interface LiveStepHandle {
  cancel(): void;
}

export interface LiveStepProps {
  ref?: Ref<LiveStepHandle>;
  base: string;
  scenarios: ScenarioSummary[];
  /** Takes the replay's player once the runs have finished, so the presenter's keys drive it. */
  playerRef: RefObject<PlayerHandle | null>;
  /** Back to the recording, with a notice when the live run could not happen. */
  onExit: (notice?: string) => void;
}

const STATUS_TEXT: Record<LiveRunView["status"], string> = {
  connecting: "connecting…",
  queued: "queued",
  preparing: "preparing",
  running: "running",
  finished: "finished",
  failed: "failed",
  cancelled: "cancelled",
};

/**
 * A step's scenarios run for real by `npm run demo:live`: one terminal and state panel per
 * scenario, fed by the server's event stream as it happens; when every run has finished, the
 * same player replays what was just captured, and each run can be saved as a recording.
 */
export default function LiveStep({ ref, base, scenarios, playerRef, onExit }: LiveStepProps) {
  const { container, write } = useLiveTerminals(scenarios);
  const { runs, cancel } = useLiveRuns({ base, scenarios, onExit, write });
  const running = anyRunning(runs);
  const now = useLiveClock(running);
  const replay = useLiveReplay({ base, scenarios, runs, onExit });
  const [saved, setSaved] = useState<Record<number, string>>({});
  useImperativeHandle(ref, () => ({ cancel }), [cancel]);

  // The replay opens at its end, where the state panel shows how each run finished.
  const attachReplay = useCallback(
    (player: PlayerHandle | null) => {
      playerRef.current = player;
      if (player && replay) player.seek(Math.max(...replay.map((summary) => summary.duration)));
    },
    [playerRef, replay],
  );

  const save = async (index: number) => {
    try {
      const result = await saveLiveRun(base, runs[index]!.id!);
      setSaved((current) => ({ ...current, [index]: `Saved: ${result.cast}` }));
    } catch (error) {
      setSaved((current) => ({
        ...current,
        [index]: `Not saved: ${error instanceof Error ? error.message : String(error)}`,
      }));
    }
  };

  const compare = scenarios.length > 1;
  return (
    <div className={styles.live} data-live-step>
      {replay ? (
        <>
          <p className={styles.liveNote}>
            <span className={styles.badge} data-mode="live">
              Live run
            </span>{" "}
            captured on this machine just now; replaying it. Each run can be saved in the recorder&apos;s format.
          </p>
          <SandboxPlayer
            ref={attachReplay}
            scenarios={replay}
            posters={replay.map(() => "")}
            compare={compare}
            presentation
          />
        </>
      ) : (
        <div className={`${sandboxStyles.player} ${sandboxStyles.presentation}`}>
          <div className={compare ? sandboxStyles.sides : undefined}>
            {scenarios.map((scenario, index) => {
              const run = runs[index]!;
              const view = run.view;
              return (
                <Side
                  key={scenario.name}
                  scenario={scenario}
                  compare={compare}
                  state={liveStateAt(view, runClock(run, now))}
                  lastEvent={view.events.at(-1)?.label}
                >
                  <div
                    className={sandboxStyles.terminal}
                    ref={container(index)}
                    data-testid="live-terminal"
                    aria-label={`Live terminal: ${scenario.title}`}
                    role="log"
                  />
                  {view.status !== "running" ? (
                    <p className={styles.liveOverlay} data-testid="live-status">
                      {STATUS_TEXT[view.status]}
                      {view.status === "queued" && view.position
                        ? ` (${view.position === 1 ? "next" : `${view.position - 1} ahead`})`
                        : ""}
                      {view.message ? `: ${view.message}` : ""}
                      {view.removedContainers?.length ? `; removed ${view.removedContainers.join(", ")}` : ""}
                    </p>
                  ) : null}
                </Side>
              );
            })}
          </div>
          <div className={styles.liveBar}>
            <span className={styles.badge} data-mode="live" data-testid="live-badge">
              ● Live
            </span>
            {runs.map((run, index) => (
              <span
                key={scenarios[index]!.name}
                className={styles.liveRun}
                data-testid="live-run-status"
                data-status={run.view.status}
              >
                {compare ? `${scenarios[index]!.title}: ` : ""}
                {STATUS_TEXT[run.view.status]} {run.view.status === "running" ? formatTime(runClock(run, now)) : ""}
              </span>
            ))}
            {running ? (
              <button type="button" className={sandboxStyles.button} onClick={cancel}>
                Cancel (Esc)
              </button>
            ) : (
              <button type="button" className={sandboxStyles.button} onClick={() => onExit()}>
                Back to the recording
              </button>
            )}
          </div>
        </div>
      )}
      <ol className={styles.liveMarkers} aria-label="Markers as they arrive" data-testid="live-markers">
        {runs.flatMap((run, index) =>
          run.view.events.map((event) => (
            <li key={`${index}-${event.t}-${event.label}`}>
              <span className={sandboxStyles.transcriptTime}>{formatTime(event.time)}</span>{" "}
              {compare ? `${scenarios[index]!.title}: ` : ""}
              {event.label}
            </li>
          )),
        )}
      </ol>
      {replay ? (
        <div className={styles.liveBar}>
          {replay.map((summary, index) => (
            <span key={summary.name}>
              <button type="button" className={sandboxStyles.button} onClick={() => save(index)}>
                Save {summary.name} as a recording
              </button>{" "}
              <span className={styles.saved} role="status">
                {saved[index] ?? ""}
              </span>
            </span>
          ))}
          <button type="button" className={sandboxStyles.button} onClick={() => onExit()}>
            Back to the recording
          </button>
        </div>
      ) : null}
    </div>
  );
}
