"use client";

import { useEffect, useState } from "react";
import { formatTime } from "@/lib/asciicast/time-display";
import sandboxStyles from "@/components/sandbox/sandbox.module.css";
import { presenterAction } from "./keys";
import { NotesList } from "./notes-list";
import type { PresentedLesson, PresenterStep } from "./types";
import { usePresenterStep } from "./use-presenter-step";
import styles from "./presenter.module.css";

/**
 * The speaker's second window: follows the presenter window's step (same browser), shows this
 * step's notes, its markers with their times, what comes next and a talk clock; its buttons and
 * the clicker keys move the presenter window.
 */
export function SpeakerNotesWindow({ lesson, steps }: { lesson: PresentedLesson; steps: PresenterStep[] }) {
  const { index, go, following } = usePresenterStep({
    presentHref: lesson.presentHref,
    count: steps.length,
    role: "notes",
  });
  const [elapsed, setElapsed] = useState(0);

  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setElapsed((Date.now() - started) / 1000), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = presenterAction(event);
      if (action === "next-step") go(index + 1);
      else if (action === "previous-step") go(index - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, index]);

  const step = steps[index]!;
  const next = steps[index + 1];
  const compare = step.kind === "sandbox" && step.scenarios.length > 1;
  const markers =
    step.kind === "sandbox"
      ? step.scenarios
          .flatMap((scenario, side) => scenario.events.map((event) => ({ side, event })))
          .sort((a, b) => a.event.time - b.event.time)
      : [];
  return (
    <div className={styles.notesWindow} data-testid="notes-window">
      <header className={styles.notesHeader}>
        <nav className={styles.notesControls} aria-label="Steps">
          <button type="button" className={sandboxStyles.button} onClick={() => go(index - 1)} disabled={index === 0}>
            ◀ Previous step
          </button>
          <span className={styles.notesStep} data-testid="notes-step">
            Step {index + 1} of {steps.length}
          </span>
          <button type="button" className={sandboxStyles.button} onClick={() => go(index + 1)} disabled={!next}>
            Next step ▶
          </button>
        </nav>
        <span className={styles.clock} aria-label="Time since these notes opened">
          {formatTime(elapsed).replace(/\.\d$/, "")}
        </span>
        <p className={styles.notesLesson}>
          {lesson.number} {lesson.title}: speaker notes ·{" "}
          <span className={styles.muted}>
            {following ? "following the presenter window" : "open the presenter window to follow it"}
          </span>
        </p>
      </header>
      <h1>{step.heading}</h1>
      <NotesList notes={step.notes} />
      <p>
        <strong>Next:</strong> {next ? next.heading : "the end"}
      </p>
      {markers.length > 0 ? (
        <section aria-labelledby="notes-markers">
          <h2 id="notes-markers">Markers in the recording</h2>
          {compare && step.kind === "sandbox" ? (
            <p className={styles.muted} data-testid="notes-sides">
              Left: {step.scenarios[0]!.title} · Right: {step.scenarios[1]!.title}
            </p>
          ) : null}
          <ol className={styles.markerList}>
            {markers.map(({ side, event }) => (
              <li key={`${side}-${event.t}-${event.label}`}>
                <span className={styles.markerTime}>{formatTime(event.time)}</span>
                {compare ? <span className={styles.markerSide}>{side === 0 ? "Left" : "Right"}</span> : null}
                <span>{event.label}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
