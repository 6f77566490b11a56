"use client";

import Link from "next/link";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { toDay } from "@/lib/practice/dates";
import { progressStores, useProgress, useProgressMeta } from "@/lib/progress/use-progress";
import { lessonStats, overallStats, type LessonInfo } from "@/lib/progress/stats";
import { exportFileName, parseImport, serializeExport } from "@/lib/progress/transfer";
import styles from "./progress.module.css";

const pick = ({ quizzes, lessons, practice, practiceDays }: ReturnType<typeof progressStores.progress.getState>) => ({ quizzes, lessons, practice, practiceDays });

export function ProgressDashboard({ lessons }: { lessons: LessonInfo[] }) {
  const domId = useId();
  const hydrated = useProgressMeta((meta) => meta.hydrated);
  const quizzes = useProgress((state) => state.quizzes);
  const lessonRecords = useProgress((state) => state.lessons);
  const practice = useProgress((state) => state.practice);
  const practiceDays = useProgress((state) => state.practiceDays);
  const replaceAll = useProgress((state) => state.replaceAll);
  const reset = useProgress((state) => state.reset);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  if (!hydrated) {
    return <p className={styles.muted}>Loading your progress…</p>;
  }

  const data = { quizzes, lessons: lessonRecords, practice, practiceDays };
  const today = toDay(new Date());
  const overall = overallStats(lessons, data, today);

  function download() {
    const now = new Date();
    const blob = new Blob([serializeExport(pick(progressStores.progress.getState()), now)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(now);
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    setError(null);
    setMessage("Progress exported to a JSON file.");
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const result = parseImport(await file.text());
    if (!result.ok) {
      setMessage(null);
      setError(`${result.error} Your current progress was not changed.`);
      return;
    }
    replaceAll(result.data);
    setError(null);
    setMessage(`Imported progress from ${file.name}${result.migratedFrom ? ` (upgraded from format ${result.migratedFrom})` : ""}.`);
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
            <Link href="/practice">Practise the {overall.cardsDue} due card{overall.cardsDue === 1 ? "" : "s"}</Link>
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
                      <Link href={lesson.href}>{lesson.title}</Link>
                    </th>
                    <td>{stats.status}</td>
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

      <section aria-labelledby={`${domId}-data`}>
        <h2 id={`${domId}-data`}>Your data</h2>
        <p className={styles.muted}>Progress is kept only in this browser. Export it to move it to another browser or keep a copy.</p>
        <div className={styles.actions}>
          <button type="button" className={styles.button} onClick={download}>
            Export progress
          </button>
          <label className={styles.fileLabel}>
            <span>Import progress from a file (replaces the progress in this browser)</span>
            <input type="file" accept="application/json,.json" onChange={importFile} />
          </label>
        </div>
        <div className={styles.actions}>
          {!confirming ? (
            <button
              type="button"
              ref={resetButton}
              className={`${styles.button} ${styles.danger}`}
              onClick={() => {
                setConfirming(true);
                window.setTimeout(() => cancelButton.current?.focus(), 0);
              }}
            >
              Reset progress…
            </button>
          ) : null}
        </div>
        {confirming ? (
          <div className={styles.confirm} role="group" aria-labelledby={`${domId}-confirm`}>
            <p id={`${domId}-confirm`}>Erase all quiz answers, lesson progress and practice schedules in this browser? This cannot be undone (export first to keep a copy).</p>
            <div className={styles.actions}>
              <button
                type="button"
                className={`${styles.button} ${styles.danger}`}
                onClick={() => {
                  reset();
                  setConfirming(false);
                  setError(null);
                  setMessage("All progress in this browser was erased.");
                  window.setTimeout(() => resetButton.current?.focus(), 0);
                }}
              >
                Yes, erase my progress
              </button>
              <button
                type="button"
                ref={cancelButton}
                className={`${styles.button} ${styles.secondary}`}
                onClick={() => {
                  setConfirming(false);
                  window.setTimeout(() => resetButton.current?.focus(), 0);
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : null}
        <div role="status">{message ? <p className={styles.message}>{message}</p> : null}</div>
        <div role="alert">{error ? <p className={styles.error}>{error}</p> : null}</div>
      </section>
    </>
  );
}
