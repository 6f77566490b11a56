"use client";

import { IntentLink } from "@/components/layout/intent-link";
import { useEffect, useId, useReducer, useRef, type ChangeEvent, type RefObject } from "react";
import { toDay } from "@/lib/practice/dates";
import {
  dataPanelReducer,
  initialDataPanel,
  type DataPanelEvent,
  type PendingReplacement,
} from "@/lib/progress/data-panel";
import { hasProgress, replacementSummary } from "@/lib/progress/replace";
import type { ProgressData } from "@/lib/progress/schema";
import { loadedProgressStores, useProgress, useProgressMeta } from "@/lib/progress/use-progress";
import { lessonStats, overallStats, type LessonInfo } from "@/lib/progress/stats";
import { exportFileName, readImportFile, serializeExport } from "@/lib/progress/transfer";
import { ExerciseProgress } from "./exercise-progress";
import styles from "./progress.module.css";

/** In the learner's own locale and time zone; only rendered after hydration, so no mismatch. */
const formatWhen = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export function ProgressDashboard({ lessons }: { lessons: LessonInfo[] }) {
  const domId = useId();
  const hydrated = useProgressMeta((meta) => meta.hydrated);
  const quizzes = useProgress((state) => state.quizzes);
  const lessonRecords = useProgress((state) => state.lessons);
  const practice = useProgress((state) => state.practice);
  const practiceDays = useProgress((state) => state.practiceDays);
  const exercises = useProgress((state) => state.exercises);
  const replaceWithBackup = useProgress((state) => state.replaceWithBackup);
  const restoreReplaced = useProgress((state) => state.restoreReplaced);
  const reset = useProgress((state) => state.reset);
  const replaced = useProgressMeta((meta) => meta.replaced);
  const [panel, dispatch] = useReducer(dataPanelReducer, initialDataPanel);
  const fileInput = useRef<HTMLInputElement>(null);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  // A question starts on Cancel, the choice that changes nothing.
  useEffect(() => {
    if (panel.asking) cancelButton.current?.focus();
  }, [panel.asking]);

  if (!hydrated) {
    return <p className={styles.muted}>Loading your progress…</p>;
  }

  const data = { quizzes, lessons: lessonRecords, practice, practiceDays, exercises };
  const today = toDay(new Date());
  const overall = overallStats(lessons, data, today);

  function download() {
    const now = new Date();
    const blob = new Blob([serializeExport(data, now)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(now);
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    dispatch({ type: "exported" });
  }

  /** Ends a question, putting focus back where it was asked from. */
  function settle(event: DataPanelEvent, returnTo: RefObject<HTMLElement | null>) {
    dispatch(event);
    window.setTimeout(() => (returnTo.current ?? fileInput.current)?.focus(), 0);
  }

  const askedFrom = (pending: PendingReplacement) => (pending.source === "file" ? fileInput : restoreButton);

  function replace(pending: PendingReplacement) {
    const result = pending.source === "file" ? replaceWithBackup(pending.data) : restoreReplaced(pending);
    settle({ type: "replaceDone", pending, result }, askedFrom(pending));
  }

  /** Asks first unless there is no progress to lose (say, a fresh browser). */
  function propose(pending: PendingReplacement) {
    // The store's progress, not this render's: reading the file took a moment, and another tab may have saved since.
    if (hasProgress(loadedProgressStores()?.progress.getState() ?? data)) dispatch({ type: "replaceAsked", pending });
    else replace(pending);
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const result = await readImportFile(file);
    if (result.ok)
      propose({ source: "file", fileName: file.name, migratedFrom: result.migratedFrom, data: result.data });
    else dispatch({ type: "importRejected", error: result.error });
  }

  return (
    <>
      <section aria-labelledby={`${domId}-overall`}>
        <h2 id={`${domId}-overall`}>Overall</h2>
        <dl className={styles.grid}>
          <div className={styles.stat}>
            <dt>Lessons completed</dt>
            <dd data-testid="lessons-completed">
              {overall.lessonsCompleted} / {overall.lessonsTotal}
            </dd>
          </div>
          <div className={styles.stat}>
            <dt>Quiz questions right</dt>
            <dd data-testid="quizzes-correct">
              {overall.quizzesCorrect} / {overall.quizzesTotal}
            </dd>
          </div>
          <div className={styles.stat}>
            <dt>Practice cards due</dt>
            <dd data-testid="cards-due">{overall.cardsDue}</dd>
          </div>
          <div className={styles.stat}>
            <dt>Practice streak</dt>
            <dd data-testid="streak">
              {overall.streak} day{overall.streak === 1 ? "" : "s"}
            </dd>
          </div>
        </dl>
        <p>
          {overall.cardsDue > 0 ? (
            <IntentLink href="/practice">
              Practise the {overall.cardsDue} due card{overall.cardsDue === 1 ? "" : "s"}
            </IntentLink>
          ) : (
            "No practice cards are due today."
          )}
        </p>
      </section>

      <section aria-labelledby={`${domId}-lessons`}>
        <h2 id={`${domId}-lessons`}>By lesson</h2>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Lesson</th>
                <th scope="col">Status</th>
                <th scope="col">Quizzes</th>
                <th scope="col">Practice cards</th>
              </tr>
            </thead>
            <tbody>
              {lessons.map((lesson) => {
                const stats = lessonStats(lesson, data, today);
                return (
                  <tr key={lesson.id} data-lesson={lesson.id}>
                    <th scope="row">
                      <IntentLink href={lesson.href}>{lesson.title}</IntentLink>
                    </th>
                    <td>
                      <span className={styles.status} data-status={stats.status}>
                        {stats.status}
                      </span>
                    </td>
                    <td>
                      {stats.quizzesCorrect} right, {stats.quizzesAnswered} answered of {stats.quizzesTotal}
                    </td>
                    <td>
                      {stats.cardsReviewed} of {stats.cardsTotal} reviewed, {stats.cardsDue} due
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <ExerciseProgress />

      <section aria-labelledby={`${domId}-data`}>
        <h2 id={`${domId}-data`}>Your data</h2>
        <p className={styles.muted}>
          Progress is kept only in this browser. Export it to move it to another browser or keep a copy.
        </p>
        <div className={styles.actions}>
          <button type="button" className={styles.button} onClick={download}>
            Export progress
          </button>
          {/* The native input stays (keyboard, screen readers, drag and drop) but the button-styled label is what shows. */}
          <label className={`${styles.button} ${styles.secondary} ${styles.fileButton}`}>
            <input
              ref={fileInput}
              className={styles.fileInput}
              type="file"
              accept="application/json,.json"
              onChange={importFile}
            />
            Import progress from a file…
          </label>
          <span className={styles.muted}>You are asked before an import replaces anything.</span>
        </div>
        {replaced ? (
          <div className={styles.actions}>
            <button
              type="button"
              ref={restoreButton}
              className={`${styles.button} ${styles.secondary}`}
              onClick={() => propose({ source: "backup", ...replaced })}
            >
              Restore the progress replaced on {formatWhen(replaced.replacedAt)}
            </button>
          </div>
        ) : null}
        {panel.asking?.kind === "replace" ? (
          <ReplaceQuestion
            id={`${domId}-replace`}
            pending={panel.asking.pending}
            current={data}
            cancelButton={cancelButton}
            onConfirm={replace}
            onCancel={(pending) => settle({ type: "cancelled" }, askedFrom(pending))}
          />
        ) : null}
        <div className={styles.actions}>
          {panel.asking?.kind !== "reset" ? (
            <button
              type="button"
              ref={resetButton}
              className={`${styles.button} ${styles.danger}`}
              onClick={() => dispatch({ type: "resetAsked" })}
            >
              Reset progress…
            </button>
          ) : null}
        </div>
        {panel.asking?.kind === "reset" ? (
          <div className={styles.confirm} role="group" aria-labelledby={`${domId}-confirm`}>
            <p id={`${domId}-confirm`}>
              Erase all quiz answers, lesson progress and practice schedules in this browser? A copy of what you erase
              is kept, and this page can bring it back.
            </p>
            <div className={styles.actions}>
              <button
                type="button"
                className={`${styles.button} ${styles.danger}`}
                onClick={() => settle({ type: "resetDone", result: reset() }, resetButton)}
              >
                Yes, erase my progress
              </button>
              <button
                type="button"
                ref={cancelButton}
                className={`${styles.button} ${styles.secondary}`}
                onClick={() => settle({ type: "cancelled" }, resetButton)}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : null}
        <div role="status">{panel.message ? <p className={styles.message}>{panel.message}</p> : null}</div>
        <div role="alert">{panel.error ? <p className={styles.error}>{panel.error}</p> : null}</div>
      </section>
    </>
  );
}

interface ReplaceQuestionProps {
  id: string;
  pending: PendingReplacement;
  current: ProgressData;
  cancelButton: RefObject<HTMLButtonElement | null>;
  onConfirm(pending: PendingReplacement): void;
  onCancel(pending: PendingReplacement): void;
}

/** What a replacement would replace, counted, with a yes and a no. */
function ReplaceQuestion({ id, pending, current, cancelButton, onConfirm, onCancel }: ReplaceQuestionProps) {
  const summary = replacementSummary(current, pending.data);
  const from = pending.source === "file" ? "file" : "backup";
  return (
    <div className={styles.confirm} role="group" aria-labelledby={id}>
      <p id={id}>
        {pending.source === "file"
          ? `Replace your progress with ${pending.fileName}?`
          : `Bring back the progress replaced on ${formatWhen(pending.replacedAt)}?`}
      </p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Progress</th>
            <th scope="col">In this browser now</th>
            <th scope="col">In the {from}</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.now}</td>
              <td>{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.erasesEverything ? (
        <p>
          <strong>The {from} holds no progress: confirming leaves this browser with none.</strong>
        </p>
      ) : null}
      <p>What is in this browser now will be kept, and this page will offer to bring it back.</p>
      <div className={styles.actions}>
        <button type="button" className={`${styles.button} ${styles.danger}`} onClick={() => onConfirm(pending)}>
          Yes, replace my progress
        </button>
        <button
          type="button"
          ref={cancelButton}
          className={`${styles.button} ${styles.secondary}`}
          onClick={() => onCancel(pending)}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
