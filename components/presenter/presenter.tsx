"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type CSSProperties } from "react";
import type { PlayerRequest, SandboxPlayerProps } from "@/components/sandbox/sandbox-player";
import { checkLiveServer, liveServerFrom, type LiveServerStatus } from "@/lib/live/client";
import sandboxStyles from "@/components/sandbox/sandbox.module.css";
import { presenterChannel, stepFromHash, stepTarget, type PresenterMessage } from "./channel";
import { KEY_HELP, presenterAction, type PresenterAction } from "./keys";
import { NotesList } from "./notes-list";
import type { LiveStepProps } from "./live-step";
import { saveForOffline, type OfflineState } from "./offline";
import type { PresentedLesson, PresenterStep } from "./types";
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
  const [index, setIndex] = useState(0);
  const [notesOpen, setNotesOpen] = useState(false);
  const [request, setRequest] = useState<PlayerRequest | undefined>();
  const [Player, setPlayer] = useState<ComponentType<SandboxPlayerProps> | null>(null);
  const [LiveStep, setLiveStep] = useState<ComponentType<LiveStepProps> | null>(null);
  const [offline, setOffline] = useState<OfflineState | "checking">("checking");
  const [liveBase, setLiveBase] = useState<string | undefined>();
  const [liveServer, setLiveServer] = useState<LiveServerStatus>({ state: "idle" });
  const [liveStepId, setLiveStepId] = useState<string | undefined>();
  const [cancelSignal, setCancelSignal] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();
  const channel = useRef<ReturnType<typeof presenterChannel> | null>(null);
  const indexRef = useRef(index);
  const step = steps[index]!;
  const recordings = useMemo(() => [...new Set(steps.flatMap((s) => (s.kind === "sandbox" ? s.scenarios.map((scenario) => scenario.src) : [])))], [steps]);

  const go = useCallback(
    (target: number) => {
      const next = stepTarget(indexRef.current, target, steps.length);
      if (next === undefined) return;
      setIndex(next);
      setRequest(undefined);
      setLiveStepId(undefined);
      setNotice(undefined);
      history.replaceState(null, "", `#${next + 1}`);
    },
    [steps.length],
  );

  // The step in the URL (#3), on load and when the hash changes (back/forward, an edited link).
  useEffect(() => {
    const follow = () => setIndex(stepFromHash(window.location.hash, steps.length));
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [steps.length]);

  // The player chunk, the offline copy and the live server, once on load. Looking for a live server
  // that is not running logs a refused connection in the console, so the presenter looks only when
  // asked: on load when the URL names one (?live=), else when L is pressed.
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has("live")) checkLiveServer(liveServerFrom(window.location.search)).then(setLiveServer);
    import("@/components/sandbox/sandbox-player").then(
      ({ SandboxPlayer }) => {
        setPlayer(() => SandboxPlayer);
        // After the player chunk is in, so the offline copy includes it.
        saveForOffline([lesson.presentHref, `${lesson.presentHref}/notes`], recordings).then(setOffline);
      },
      () => setNotice("The player could not be loaded; reload the page to try again."),
    );
  }, [steps.length, lesson.presentHref, recordings]);

  // The notes window follows this one, and may move it.
  useEffect(() => {
    const link = presenterChannel(lesson.presentHref, (message: PresenterMessage) => {
      if (message.type === "go") go(message.index);
      if (message.type === "hello") link.post({ type: "step", index: indexRef.current });
    });
    channel.current = link;
    return () => link.close();
  }, [lesson.presentHref, go]);
  useEffect(() => {
    indexRef.current = index;
    channel.current?.post({ type: "step", index });
  }, [index]);

  const exitLive = useCallback((message?: string) => {
    setLiveStepId(undefined);
    setNotice(message);
  }, []);

  const runLive = useCallback(async () => {
    if (step.kind !== "sandbox") return;
    const base = liveServerFrom(window.location.search);
    setLiveServer({ state: "checking" });
    const status = await checkLiveServer(base);
    setLiveServer(status);
    if (status.state === "unavailable") {
      setNotice(`Live mode is not available: ${status.reason}. Showing the recording.`);
      return;
    }
    const { default: LiveStepComponent } = await import("./live-step");
    setLiveStep(() => LiveStepComponent);
    setNotice(undefined);
    setRequest(undefined);
    setLiveBase(base);
    setLiveStepId(step.id);
  }, [step]);

  const act = useCallback(
    (action: PresenterAction) => {
      const id = Date.now();
      if (action === "next-step") go(index + 1);
      else if (action === "previous-step") go(index - 1);
      else if (action === "first-step") go(0);
      else if (action === "last-step") go(steps.length - 1);
      else if (action === "toggle-play") setRequest({ kind: "toggle", id });
      else if (action === "next-marker") setRequest({ kind: "marker", direction: 1, id });
      else if (action === "previous-marker") setRequest({ kind: "marker", direction: -1, id });
      else if (action === "toggle-notes") setNotesOpen((open) => !open);
      else if (action === "open-notes-window") window.open(`${lesson.presentHref}/notes`, `notes:${lesson.presentHref}`, "popup,width=900,height=700");
      else if (action === "toggle-fullscreen") {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.().catch(() => {});
      } else if (action === "run-live") void runLive();
      else if (action === "cancel-live") setCancelSignal((n) => n + 1);
    },
    [go, index, steps.length, lesson.presentHref, runLive],
  );

  // Keys work wherever focus is (the player's own arrow keys give way to stepping).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input:not([type=range]), textarea, select")) return;
      const action = presenterAction(event);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      act(action);
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [act]);

  const live = liveStepId === step.id && LiveStep && liveBase && step.kind === "sandbox";
  return (
    <div className={styles.presenter} data-presenter>
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
          <button type="button" className={sandboxStyles.button} onClick={() => act("previous-step")} disabled={index === 0} aria-label="Previous step">
            ◀
          </button>
          <button type="button" className={sandboxStyles.button} onClick={() => act("next-step")} disabled={index === steps.length - 1} aria-label="Next step">
            ▶
          </button>
          <button type="button" className={sandboxStyles.button} onClick={() => act("toggle-notes")} aria-pressed={notesOpen}>
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
              title={liveServer.state === "unavailable" ? liveServer.reason : "Run this step on this machine's Docker engine"}
            >
              Run live
            </button>
          ) : null}
        </nav>
        <p className={styles.status} data-testid="offline-status" data-state={offline}>
          {OFFLINE_TEXT[offline]}
          {" · "}
          <span data-testid="live-server-status" data-state={liveServer.state}>
            {LIVE_SERVER_TEXT[liveServer.state]}
          </span>
        </p>
      </header>

      <section className={styles.stage} data-step={step.id} aria-label={`Step ${index + 1}: ${step.heading}`}>
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
            <p className={styles.muted}>{steps.length - 1} sandboxes, each replaying a real run. Press → or PageDown to begin.</p>
          </div>
        ) : step.kind === "error" ? (
          <p className={sandboxStyles.error} role="alert">
            {step.message}
          </p>
        ) : live || Player ? (
          <div className={styles.player} style={{ "--sides": step.scenarios.length } as CSSProperties}>
            {live ? (
              <LiveStep key={step.id} base={liveBase} scenarios={step.scenarios} cancelSignal={cancelSignal} request={request} onExit={exitLive} />
            ) : Player ? (
              <Player key={step.id} scenarios={step.scenarios} posters={step.posters} compare={step.scenarios.length > 1} request={request} presentation />
            ) : null}
          </div>
        ) : (
          <pre className={sandboxStyles.poster}>{step.posters[0]}</pre>
        )}
      </section>

      {notesOpen ? (
        <aside className={styles.notes} aria-label="Speaker notes" data-testid="speaker-notes">
          <h2>Speaker notes</h2>
          <NotesList notes={step.notes} />
        </aside>
      ) : null}

      <footer className={styles.keys}>
        {KEY_HELP.map(([keys, action]) => (
          <span key={keys}>
            <kbd>{keys}</kbd> {action}
          </span>
        ))}
      </footer>
    </div>
  );
}
