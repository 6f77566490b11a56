"use client";

import { lazy, Suspense, type ComponentProps } from "react";
import styles from "./progress.module.css";

/** The dashboard brings the import/export validation (zod): it loads after the page has painted. */
const ProgressDashboard = lazy(() =>
  import("./progress-dashboard").then((module) => ({ default: module.ProgressDashboard })),
);

export function LazyProgressDashboard(props: ComponentProps<typeof ProgressDashboard>) {
  return (
    <Suspense fallback={<p className={styles.muted}>Loading your progress…</p>}>
      <ProgressDashboard {...props} />
    </Suspense>
  );
}
