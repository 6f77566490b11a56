"use client";

import "@xterm/xterm/css/xterm.css";
import type { Terminal } from "@xterm/xterm";
import { useEffect, useRef, useState } from "react";
import { parseAsciicast } from "@/lib/asciicast/parse";
import { alignEvents, formatTime } from "@/lib/asciicast/timeline";
import { cancelLiveRun, fetchLiveCast, followLiveRun, saveLiveRun, startLiveRun } from "@/lib/live/client";
import { applyLiveFrame, initialLiveView, isTerminal, liveStateAt, type LiveRunView } from "@/lib/live/timeline";
import { SandboxPlayer, type PlayerRequest } from "@/components/sandbox/sandbox-player";
import { Side } from "@/components/sandbox/side";
import { fitTerminal, openTerminal } from "@/components/sandbox/terminal";
import type { ScenarioSummary } from "@/components/sandbox/types";
import sandboxStyles from "@/components/sandbox/sandbox.module.css";
import styles from "./presenter.module.css";

const LIVE_MAX_FONT_SIZE = 32;

/** Cancels every run of the step that has started and not ended (Esc, the Cancel button, leaving the step). */
function cancelUnfinished(base: string, runs: readonly RunState[]): void {
  for (const run of runs) if (run.id && !isTerminal(run.view)) void cancelLiveRun(base, run.id).catch(() => {});
}

/** The replay of a finished live run opens at its end, where the state panel shows how it finished. */
const openAtEnd = (summaries: ScenarioSummary[]): PlayerRequest => ({ kind: "seek", time: Math.max(...summaries.map((summary) => summary.duration)), id: 0 });

export interface LiveStepProps {
  base: string;
  scenarios: ScenarioSummary[];
  /** Changes when the presenter presses Esc: cancel whatever is still queued or running. */
  cancelSignal: number;
  /** Player keys for the replay of the finished live run. */
  request?: PlayerRequest;
  /** Back to the recording, with a notice when the live run could not happen. */
  onExit: (notice?: string) => void;
}

interface RunState {
  id?: string;
  view: LiveRunView;
  /** performance.now() when the last frame arrived: the live clock runs on between frames. */
  receivedAt: number;
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
export default function LiveStep({ base, scenarios, cancelSignal, request, onExit }: LiveStepProps) {
  const [runs, setRuns] = useState<RunState[]>(() => scenarios.map((s) => ({ view: initialLiveView(s.cols, s.rows), receivedAt: 0 })));
  const [now, setNow] = useState(0);
  const [replay, setReplay] = useState<ScenarioSummary[] | undefined>();
  const [saved, setSaved] = useState<Record<string, string>>({});
  const terminals = useRef<Array<Terminal | undefined>>([]);
  const containers = useRef<Array<HTMLDivElement | null>>([]);
  // Frames arrive one by one from the event streams; the ref is the source of truth so each
  // frame's output is written to the terminal exactly once, outside React's render.
  const runsRef = useRef(runs);
  const update = (index: number, change: (run: RunState) => RunState) => {
    const next = runsRef.current.map((run, i) => (i === index ? change(run) : run));
    runsRef.current = next;
    setRuns(next);
  };
  const firstCancelSignal = useRef(cancelSignal);

  // Start every scenario of the step (the server queues them: one runs, the next waits) and follow each.
  useEffect(() => {
    let stopped = false;
    const unfollow: Array<() => void> = [];
    scenarios.forEach((scenario, index) => {
      const container = containers.current[index];
      if (container) {
        const term = openTerminal(container, scenario.cols, scenario.rows, LIVE_MAX_FONT_SIZE);
        terminals.current[index] = term;
        fitTerminal(term, container, LIVE_MAX_FONT_SIZE);
      }
    });
    const observer = new ResizeObserver(() => terminals.current.forEach((term, index) => term && containers.current[index] && fitTerminal(term, containers.current[index]!, LIVE_MAX_FONT_SIZE)));
    containers.current.forEach((container) => container && observer.observe(container));
    (async () => {
      for (const [index, scenario] of scenarios.entries()) {
        let id: string;
        try {
          ({ id } = await startLiveRun(base, scenario.name));
        } catch (error) {
          if (!stopped) onExit(`Live run refused: ${error instanceof Error ? error.message : String(error)}. Showing the recording.`);
          return;
        }
        if (stopped) return void cancelLiveRun(base, id).catch(() => {});
        update(index, (run) => ({ ...run, id }));
        unfollow.push(
          followLiveRun(
            base,
            id,
            (frame) => {
              const result = applyLiveFrame(runsRef.current[index]!.view, frame);
              if (result.view === runsRef.current[index]!.view) return;
              if (result.output !== undefined) terminals.current[index]?.write(result.output);
              update(index, (run) => ({ ...run, view: result.view, receivedAt: performance.now() }));
            },
            () => update(index, (run) => (isTerminal(run.view) ? run : { ...run, view: { ...run.view, status: "failed", message: `lost the live server at ${base}` } })),
          ),
        );
      }
    })();
    return () => {
      stopped = true;
      observer.disconnect();
      unfollow.forEach((close) => close());
      // Leaving the step cancels what is still going: nothing keeps running unseen.
      cancelUnfinished(base, runsRef.current);
      terminals.current.forEach((term) => term?.dispose());
      terminals.current = [];
    };
  }, [base, scenarios, onExit]);

  // Esc from the presenter.
  useEffect(() => {
    if (cancelSignal === firstCancelSignal.current) return;
    cancelUnfinished(base, runsRef.current);
  }, [cancelSignal, base]);

  const running = runs.some((run) => !isTerminal(run.view));
  const allFinished = runs.every((run) => run.view.status === "finished");

  // The live clock between frames: ticks four times a second while anything runs, and stops.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [running]);

  // Every run finished: fetch what was captured and hand it to the replay player.
  useEffect(() => {
    if (!allFinished || replay) return;
    let cancelled = false;
    Promise.all(
      runsRef.current.map(async (run, index) => {
        const text = await fetchLiveCast(base, run.id!);
        const recording = parseAsciicast(text);
        const scenario = scenarios[index]!;
        const src = URL.createObjectURL(new Blob([text], { type: "application/x-asciicast" }));
        return { ...scenario, src, duration: recording.duration, events: alignEvents(recording, run.view.events) } satisfies ScenarioSummary;
      }),
    ).then(
      (summaries) => !cancelled && setReplay(summaries),
      (error: Error) => !cancelled && onExit(`${error.message}. Showing the recording.`),
    );
    return () => {
      cancelled = true;
    };
  }, [allFinished, replay, base, scenarios, onExit]);

  useEffect(() => () => replay?.forEach((summary) => URL.revokeObjectURL(summary.src)), [replay]);

  const save = async (index: number) => {
    const run = runs[index]!;
    try {
      const result = await saveLiveRun(base, run.id!);
      setSaved((current) => ({ ...current, [index]: `Saved: ${result.cast}` }));
    } catch (error) {
      setSaved((current) => ({ ...current, [index]: `Not saved: ${error instanceof Error ? error.message : String(error)}` }));
    }
  };

  const compare = scenarios.length > 1;
  return (
    <div className={styles.live} data-live-step>
      {replay ? (
        <>
          <p className={styles.liveNote}>
            <span className={styles.badge} data-mode="live">Live run</span> captured on this machine just now; replaying it. Each run can be saved in the recorder&apos;s format.
          </p>
          <SandboxPlayer scenarios={replay} posters={replay.map(() => "")} compare={compare} request={request ?? openAtEnd(replay)} presentation />
        </>
      ) : (
        <div className={`${sandboxStyles.player} ${sandboxStyles.presentation}`}>
          <div className={compare ? sandboxStyles.sides : undefined}>
            {scenarios.map((scenario, index) => {
              const { view, receivedAt } = runs[index]!;
              const liveNow = view.status === "running" ? view.latest + Math.max(0, (now - receivedAt) / 1000) : view.latest;
              return (
                <Side key={scenario.name} scenario={scenario} compare={compare} state={liveStateAt(view, liveNow)} lastEvent={view.events.at(-1)?.label}>
                  <div
                    className={sandboxStyles.terminal}
                    ref={(element) => {
                      containers.current[index] = element;
                    }}
                    data-testid="live-terminal"
                    aria-label={`Live terminal: ${scenario.title}`}
                    role="log"
                  />
                  {view.status !== "running" ? (
                    <p className={styles.liveOverlay} data-testid="live-status">
                      {STATUS_TEXT[view.status]}
                      {view.status === "queued" && view.position ? ` (${view.position === 1 ? "next" : `${view.position - 1} ahead`})` : ""}
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
              <span key={scenarios[index]!.name} className={styles.liveRun} data-testid="live-run-status" data-status={run.view.status}>
                {compare ? `${scenarios[index]!.title}: ` : ""}
                {STATUS_TEXT[run.view.status]} {run.view.status === "running" ? formatTime(run.view.latest + Math.max(0, (now - run.receivedAt) / 1000)) : ""}
              </span>
            ))}
            {running ? (
              <button type="button" className={sandboxStyles.button} onClick={() => cancelUnfinished(base, runs)}>
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
              <span className={sandboxStyles.transcriptTime}>{formatTime(event.time)}</span> {compare ? `${scenarios[index]!.title}: ` : ""}
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
