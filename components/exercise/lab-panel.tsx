"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import type { LabRun } from "@/lib/lab/panel-state";
import { LAB_CHECKS } from "@/lib/lab/checks";
import { LabPanelFrame, RunnerForm } from "./exercise-parts";
import styles from "./lab-panel.module.css";
import { loadLabClient, useLabRunner } from "./use-lab-runner";

/**
 * Grades the learner's Dockerfile by a real build and docker stop on their own engine, through
 * `npm run lab` (sandboxes/lab). The runner's URL (with its token) is pasted here or arrives in the
 * page's `#lab=` hash. Without a runner it shows what a run checks, with the recordings' measured
 * values, and the command to run one (server-rendered markup it is given).
 */
export interface LabPanelProps {
  dockerfile: string;
  /** What a run checks, with the recordings' values: shown until a runner is connected (./what-a-run-checks.tsx). */
  whatARunChecks: ReactNode;
  onGraded?: (grade: { passed: number; total: number }) => void;
}

export function LabPanel(props: LabPanelProps) {
  const { state, connect, start, cancel, disconnect, recheck } = useLabRunner(props.onGraded);
  const { connection, run } = state;
  const [urlText, setUrlText] = useState("");
  const [urlError, setUrlError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUrlError(connect(urlText));
  };
  const ready = connection.kind === "connected" && connection.status.engine;
  const problem = urlError ?? (connection.kind === "unreachable" ? connection.message : null);

  return (
    <LabPanelFrame>
      {connection.kind === "connected" ? (
        <p className={styles.status} role="status">
          Connected to the runner at {connection.address.origin} ({connection.status.bases} bases).{" "}
          {connection.status.engine ? "Its Docker engine answers." : "Its Docker engine does not answer: start Docker."}{" "}
          <button type="button" className={styles.linkButton} onClick={disconnect}>
            Disconnect
          </button>
        </p>
      ) : (
        <RunnerForm
          url={urlText}
          onUrlChange={setUrlText}
          onSubmit={submit}
          connecting={connection.kind === "checking"}
          error={
            problem && (
              <>
                {problem}{" "}
                {connection.kind === "unreachable" && (
                  <button type="button" className={styles.linkButton} onClick={recheck}>
                    Try again
                  </button>
                )}
              </>
            )
          }
        />
      )}

      {ready && (
        <div className={styles.row}>
          <button
            type="button"
            className={styles.button}
            onClick={() => start(props.dockerfile)}
            disabled={run.kind === "running"}
          >
            Build and grade my Dockerfile
          </button>
          {run.kind === "running" && (
            <button type="button" className={styles.buttonSecondary} onClick={cancel} disabled={run.cancelling}>
              {run.cancelling ? "Cancelling…" : "Cancel"}
            </button>
          )}
        </div>
      )}

      {run.kind === "idle" ? (
        connection.kind !== "connected" && props.whatARunChecks
      ) : (
        <RunView run={run} address={connection.kind === "connected" ? connection.address : null} />
      )}
    </LabPanelFrame>
  );
}

function RunView({
  run,
  address,
}: {
  run: Exclude<LabRun, { kind: "idle" }>;
  address: { origin: string; token: string } | null;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const results = new Map(run.results.map((result) => [result.id, result]));
  return (
    <div className={styles.run}>
      <p className={styles.status} role="status" aria-live="polite">
        {run.kind === "running" && run.phase}
        {run.kind === "finished" &&
          `${run.passed} of ${run.total} checks pass (graded in ${run.seconds.toFixed(0)} s).`}
        {run.kind === "cancelled" &&
          `Cancelled; the runner removed ${run.removedContainers.length ? run.removedContainers.join(", ") : "what the run had created"}.`}
      </p>
      {run.kind === "failed" && (
        <pre className={styles.error} role="alert">
          {run.message}
        </pre>
      )}
      <table className={styles.table}>
        <caption className={styles.caption}>Each check as the runner measured it, next to the optimized image</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Yours</th>
            <th scope="col">Optimized (recorded)</th>
          </tr>
        </thead>
        <tbody>
          {LAB_CHECKS.map((check) => {
            const result = results.get(check.id);
            return (
              <tr key={check.id}>
                <th scope="row">{check.title}</th>
                <td className={result ? (result.passed ? styles.pass : styles.fail) : styles.pending}>
                  {result ? (result.passed ? "✓ pass" : "✗ fail") : run.kind === "running" ? "…" : "not measured"}
                </td>
                <td>
                  {result?.measured ?? ""}
                  {result && <span className={styles.detail}>{result.detail}</span>}
                </td>
                <td>{result?.optimized ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {run.kind === "running" && run.output && (
        <details className={styles.output}>
          <summary>Terminal output</summary>
          <pre>{run.output}</pre>
        </details>
      )}
      {run.kind === "finished" && run.runId && address && (
        <p className={styles.row}>
          <button
            type="button"
            className={styles.buttonSecondary}
            onClick={() =>
              void loadLabClient()
                .then(({ saveLabRun }) => saveLabRun(address, run.runId!))
                .then((answer) => setSaved(answer.ok ? `Saved as ${answer.file}` : answer.message))
            }
          >
            Save as a recording
          </button>
          {saved && <span role="status">{saved}</span>}
        </p>
      )}
    </div>
  );
}
