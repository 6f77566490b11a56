"use client";

import { loadedProgressStores, useProgressMeta } from "@/lib/progress/use-progress";
import styles from "./progress.module.css";

/**
 * Tells the learner when saved progress had to be upgraded, backed up and reset, or cannot be
 * saved. Lives in the site header so it shows on whichever page first loads the data.
 */
export function ProgressNotice() {
  const notice = useProgressMeta((meta) => meta.notice);
  if (!notice) return null;
  return (
    <div className={styles.notice} role="alert" data-progress-notice={notice.kind}>
      <p className={styles.noticeText}>
        <strong>{notice.kind === "migrated" ? "Progress upgraded." : "About your saved progress:"}</strong>{" "}
        {notice.message}
      </p>
      <button
        type="button"
        className={`${styles.button} ${styles.secondary}`}
        onClick={() => loadedProgressStores()?.meta.setState({ notice: null })}
      >
        Dismiss
      </button>
    </div>
  );
}
