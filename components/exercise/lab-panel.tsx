"use client";

import { useContext } from "react";
import { RecordedLabChecks } from "./recorded-lab-checks";
import styles from "./exercise.module.css";

export interface LabPanelProps {
  /** The learner's Dockerfile as it stands in the editor. */
  dockerfile: string;
  /** Called with a real run's grade on the learner's engine. */
  onGraded: (grade: { passed: number; total: number }) => void;
}

/**
 * Grading by a real build and run. Without a runner (most readers), it says what a run would check,
 * shows the values the recorder measured for the naive and the optimized image, and gives the
 * command that runs the checks for real. This version has no runner to send the Dockerfile to, so it
 * never calls `onGraded`.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the runner's props; this version sends nothing anywhere
export function LabPanel(props: LabPanelProps) {
  const checks = useContext(RecordedLabChecks);
  return (
    <section className={styles.lab} aria-label="Grade it on your own Docker engine">
      <h3 className={styles.labTitle}>Grade it on your own Docker engine</h3>
      <p>
        The checks above read your Dockerfile. A real run builds it against the demo service and measures what the
        recorder measured for the lesson&apos;s images:
      </p>
      <div className={styles.tableWrap}>
        <table className={styles.labTable}>
          <thead>
            <tr>
              <th scope="col">A run checks</th>
              <th scope="col">Naive image (recorded)</th>
              <th scope="col">Optimized image (recorded)</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((check) => (
              <tr key={check.check}>
                <th scope="row">
                  {check.check}
                  <span className={styles.labMeasures}>{check.measures}</span>
                </th>
                <td>{check.naive}</td>
                <td>{check.optimized}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        With Docker installed, run <code>npm run lab</code> in a checkout of this course and open the address it prints
        to grade your Dockerfile on your own engine.
      </p>
    </section>
  );
}
