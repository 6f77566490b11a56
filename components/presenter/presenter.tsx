"use client";

import {
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ComponentType,
  type CSSProperties,
} from "react";
import type { PlayerHandle, SandboxPlayerProps } from "@/components/sandbox/sandbox-player";
import { checkLiveServer, liveServerFrom, type LiveServerStatus } from "@/lib/live/client";
import { initialStage, liveBaseFor, stageReducer } from "@/lib/presenter/stage";
import sandboxStyles from "@/components/sandbox/sandbox.module.css";
import { KEY_HELP, presenterAction, type PresenterAction } from "./keys";
import { useStageFit } from "./use-stage-fit";
import { NotesList } from "./notes-list";
import type { LiveStepHandle, LiveStepProps } from "./live-step";
import { saveForOffline, type OfflineState } from "./offline";
import type { PresentedLesson, PresenterStep } from "./types";
import { usePresenterStep } from "./use-presenter-step";
import styles from "./presenter.module.css";

const OFFLINE_TEXT: Record<OfflineState | "checking", string> = {
  checking: "Saving for offline…",
  saving: "Saving for offline…",
  ready: "✓ Works offline",
  failed: "Offline copy failed",
  unsupported: "Offline needs a service worker",
};

const LIVE_SERVER_TEXT: Record<LiveServerStatus["state"], string> = {
  idle: "L runs a step live",
  checking: "looking for a live server…",
  ready: "live server ready",
  unavailable: "no live server",
};

/**
 * Presenter mode: the lesson's sandboxes as full-screen steps for a room. Keys (and a clicker's
 * PageUp/PageDown) move between steps and drive the player; speaker notes show in a panel (S)
 * or a second window (O); L runs the step for real through `npm run demo:live`.
 */
export function Presenter({ lesson, steps }: { lesson: PresentedLesson; steps: PresenterStep[] }) {
  const [stage, dispatch] = useReducer(stageReducer, initialStage);
  const { index, go } = usePresenterStep({
    presentHref: lesson.presentHref,
    count: steps.length,
    role: "presenter",
    onChange: () => dispatch({ type: "step-changed" }),
  });
  const [Player, setPlayer] = useState<ComponentType<SandboxPlayerProps> | null>(null);
  const [LiveStep, setLiveStep] = useState<ComponentType<LiveStepProps> | null>(null);
  const [offline, setOffline] = useState<OfflineState | "checking">("checking");
  /** The step's player (the recording's, or the replay of a finished live run): the presenter's keys drive it. */
  const player = useRef<PlayerHandle | null>(null);
  const liveStep = useRef<LiveStepHandle | null>(null);
  const keyHelp = useRef<HTMLDivElement | null>(null);
  const fitArea = useRef<HTMLDivElement | null>(null);
  const playerBox = useRef<HTMLDivElement | null>(null);
  const step = steps[index]!;
  const recordings = useMemo(
    () => [...new Set(steps.flatMap((s) => (s.kind === "sandbox" ? s.scenarios.map((scenario) => scenario.src) : [])))],
    [steps],
  );

  // The player chunk, the offline copy and the live server, once on load. Looking for a live server
  // that is not running logs a refused connection in the console, so the presenter looks only when
  // asked: on load when the URL names one (?live=), else when L is pressed.
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has("live")) {
      checkLiveServer(liveServerFrom(window.location.search)).then((status) =>
        dispatch({ type: "live-server", status }),
      );
    }
    import("@/components/sandbox/sandbox-player").then(
      ({ SandboxPlayer }) => {
        setPlayer(() => SandboxPlayer);
        // After the player chunk is in, so the offline copy includes it.
        saveForOffline([lesson.presentHref, `${lesson.presentHref}/notes`], recordings).then(setOffline);
      },
      () => dispatch({ type: "notice", text: "The player could not be loaded; reload the page to try again." }),
    );
  }, [lesson.presentHref, recordings]);

  const exitLive = useCallback((notice?: string) => dispatch({ type: "live-ended", notice }), []);

  const runLive = useCallback(async () => {
    if (step.kind !== "sandbox") return;
    const base = liveServerFrom(window.location.search);
    dispatch({ type: "live-server", status: { state: "checking" } });
    const status = await checkLiveServer(base);
    if (status.state === "unavailable") return dispatch({ type: "live-refused", reason: status.reason });
    dispatch({ type: "live-server", status });
    const { default: LiveStepComponent } = await import("./live-step");
    setLiveStep(() => LiveStepComponent);
    dispatch({ type: "live-started", stepId: step.id, base });
  }, [step]);

  const act = useCallback(
    (action: PresenterAction) => {
      switch (action) {
        case "next-step":
          return go(index + 1);
        case "previous-step":
          return go(index - 1);
        case "first-step":
          return go(0);
        case "last-step":
          return go(steps.length - 1);
        case "toggle-play":
          return player.current?.toggle();
        case "next-marker":
          return player.current?.jumpMarker(1);
        case "previous-marker":
          return player.current?.jumpMarker(-1);
        case "toggle-notes":
          return dispatch({ type: "notes-toggled" });
        case "open-notes-window":
          window.open(`${lesson.presentHref}/notes`, `notes:${lesson.presentHref}`, "popup,width=900,height=700");
          return;
        case "toggle-fullscreen":
          if (document.fullscreenElement) void document.exitFullscreen();
          else void document.documentElement.requestFullscreen?.().catch(() => {});
          return;
        case "run-live":
          return void runLive();
        case "cancel-live":
          return liveStep.current?.cancel();
        case "show-keys":
          return void keyHelp.current?.togglePopover();
      }
    },
    [go, index, steps.length, lesson.presentHref, runLive],
  );

  // Keys work wherever focus is (the player's own arrow keys give way to stepping).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input:not([type=range]), textarea, select")) return;
      // Esc closes an open key help (the browser does that) before it cancels anything.
      if (event.key === "Escape" && keyHelp.current?.matches(":popover-open")) return;
      const action = presenterAction(event);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      act(action);
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [act]);

  const { notesOpen, notice, liveServer } = stage;
  const liveBase = step.kind === "sandbox" && LiveStep ? liveBaseFor(stage, step.id) : undefined;
  const live = liveBase !== undefined;
  const fittedWidth = useStageFit(fitArea, playerBox, `${step.id}:${live ? "live" : Player ? "player" : "poster"}`);
  return (
    <div
      className={styles.presenter}
      data-presenter
      data-compare={step.kind === "sandbox" && step.scenarios.length > 1 ? "" : undefined}
    >
      <header className={styles.bar}>
        <a className={styles.exit} href={lesson.href}>
          ← Lesson
        </a>
        <p className={styles.where}>
          <span className={styles.lessonName}>
            {lesson.number} {lesson.title}
          </span>
          {step.kind !== "title" ? <span className={styles.section}>{step.section}</span> : null}
        </p>
        <p className={styles.counter} data-testid="step-counter" aria-live="polite">
          Step {index + 1} of {steps.length}
        </p>
        <span className={styles.badge} data-mode={live ? "live" : "recorded"} data-testid="mode-badge">
          {live ? "● Live" : "Recorded"}
        </span>
        <nav className={styles.buttons} aria-label="Presenter">
          <button
            type="button"
            className={sandboxStyles.button}
            onClick={() => act("previous-step")}
            disabled={index === 0}
            aria-label="Previous step"
          >
            ◀
          </button>
          <button
            type="button"
            className={sandboxStyles.button}
            onClick={() => act("next-step")}
            disabled={index === steps.length - 1}
            aria-label="Next step"
          >
            ▶
          </button>
          <button
            type="button"
            className={sandboxStyles.button}
            onClick={() => act("toggle-notes")}
            aria-pressed={notesOpen}
          >
            Notes
          </button>
          <button type="button" className={sandboxStyles.button} onClick={() => act("open-notes-window")}>
            Notes window
          </button>
          <button type="button" className={sandboxStyles.button} onClick={() => act("toggle-fullscreen")}>
            Full screen
          </button>
          {step.kind === "sandbox" && !live ? (
            <button
              type="button"
              className={sandboxStyles.button}
              onClick={() => act("run-live")}
              title={
                liveServer.state === "unavailable" ? liveServer.reason : "Run this step on this machine's Docker engine"
              }
            >
              Run live
            </button>
          ) : null}
        </nav>
      </header>

      <section
        className={styles.stage}
        data-step={step.id}
        data-step-kind={step.kind}
        aria-label={`Step ${index + 1}: ${step.heading}`}
      >
        <h1 className={styles.heading}>{step.heading}</h1>
        {notice ? (
          <p className={sandboxStyles.error} role="status" data-testid="presenter-notice">
            {notice}
          </p>
        ) : null}
        {step.kind === "title" ? (
          <div className={styles.title}>
            <p className={styles.summary}>{lesson.summary}</p>
            <ul className={styles.objectives}>
              {lesson.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
            <p className={styles.muted}>
              {steps.length - 1} sandboxes, each replaying a real run. Press → or PageDown to begin.
            </p>
          </div>
        ) : step.kind === "error" ? (
          <p className={sandboxStyles.error} role="alert">
            {step.message}
          </p>
        ) : live || Player ? (
          <div className={styles.fitArea} ref={fitArea}>
            <div
              className={styles.player}
              ref={playerBox}
              data-sides={step.scenarios.length}
              style={{ "--fit-width": fittedWidth === undefined ? undefined : `${fittedWidth}px` } as CSSProperties}
            >
              {liveBase !== undefined && LiveStep ? (
                <LiveStep
                  key={step.id}
                  ref={liveStep}
                  base={liveBase}
                  scenarios={step.scenarios}
                  playerRef={player}
                  onExit={exitLive}
                />
              ) : Player ? (
                <Player
                  key={step.id}
                  ref={player}
                  scenarios={step.scenarios}
                  posters={step.posters}
                  compare={step.scenarios.length > 1}
                  presentation
                />
              ) : null}
            </div>
          </div>
        ) : (
          <pre className={sandboxStyles.poster}>{step.posters[0]}</pre>
        )}
      </section>

      {notesOpen ? (
        // Long notes scroll beside a short stage: focusable, so the scrolled region can be reached without a mouse.
        <aside className={styles.notes} aria-label="Speaker notes" data-testid="speaker-notes" tabIndex={0}>
          <h2>Speaker notes</h2>
          <NotesList notes={step.notes} />
        </aside>
      ) : null}

      <footer className={styles.footer} data-testid="presenter-footer">
        <p className={styles.status} data-testid="offline-status" data-state={offline}>
          {OFFLINE_TEXT[offline]}
          {" · "}
          <span data-testid="live-server-status" data-state={liveServer.state}>
            {LIVE_SERVER_TEXT[liveServer.state]}
          </span>
        </p>
        <button type="button" className={sandboxStyles.button} popoverTarget="presenter-keys">
          Keys <kbd>?</kbd>
        </button>
        <div
          id="presenter-keys"
          ref={keyHelp}
          popover="auto"
          role="dialog"
          aria-label="Presenter keys"
          className={styles.keys}
        >
          <h2>Keys</h2>
          <dl>
            {KEY_HELP.map(([keys, does]) => (
              <div key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{does}</dd>
              </div>
            ))}
          </dl>
          <button
            type="button"
            className={sandboxStyles.button}
            popoverTarget="presenter-keys"
            popoverTargetAction="hide"
          >
            Close
          </button>
        </div>
      </footer>
    </div>
  );
}
