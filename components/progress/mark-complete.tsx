"use client";

import { useEffect } from "react";
import { useProgress, useProgressMeta } from "@/lib/progress/use-progress";
import styles from "./progress.module.css";

/** Records that the lesson was opened, and lets the learner mark it complete (or undo that). */
export function MarkComplete({ lesson, title }: { lesson: string; title: string }) {
  const hydrated = useProgressMeta((meta) => meta.hydrated);
  const completedAt = useProgress((state) => state.lessons[lesson]?.completedAt);
  const markRead = useProgress((state) => state.markRead);
  const setCompleted = useProgress((state) => state.setCompleted);

  useEffect(() => {
    if (hydrated) markRead(lesson);
  }, [hydrated, lesson, markRead]);

  const done = hydrated && completedAt !== undefined;
  return (
    <section className={styles.complete} aria-label="Lesson progress">
      <p className={styles.completeText} aria-live="polite">
        {done
          ? `You marked “${title}” complete.`
          : "Finished this lesson? Mark it complete to track it on your progress page."}
      </p>
      <button
        type="button"
        className={`${styles.button} ${done ? styles.secondary : ""}`}
        aria-pressed={done}
        disabled={!hydrated}
        onClick={() => setCompleted(lesson, !done)}
      >
        {done ? "Completed ✓" : "Mark lesson complete"}
      </button>
    </section>
  );
}
