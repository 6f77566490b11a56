"use client";

import { useState, type FormEvent } from "react";
import type { LabRun } from "@/lib/lab/panel-state";
import { DEFAULT_LAB_PORT, LAB_CHECKS, type LabReferenceRow } from "@/lib/lab/checks";
import styles from "./lab-panel.module.css";
import { loadLabClient, useLabRunner } from "./use-lab-runner";

/** The command that starts the runner, shown to everyone who has not started one. */
const LAB_COMMAND = "npm run lab";

/**
 * Grades the learner's Dockerfile by a real build and docker stop on their own engine, through
 * `npm run lab` (sandboxes/lab). The runner's URL (with its token) is pasted here or arrives in the
 * page's `#lab=` hash. Without a runner it shows what a run checks, with the recordings' measured
 * values, and the command to run one.
 */
export interface LabPanelProps {
  dockerfile: string;
  /** Each check's naive and optimized values from the manifest, read when the lesson prerenders. */
  reference: LabReferenceRow[];
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

  return (
    <section className={styles.panel} aria-labelledby="lab-panel-title">
      <h3 id="lab-panel-title" className={styles.title}>
        Grade it on your own Docker engine
      </h3>
      {connection.kind === "connected" ? (
        <p className={styles.status} role="status">
          Connected to the runner at {connection.address.origin} ({connection.status.bases} bases).{" "}
          {connection.status.engine ? "Its Docker engine answers." : "Its Docker engine does not answer: start Docker."}{" "}
          <button type="button" className={styles.linkButton} onClick={disconnect}>
            Disconnect
          </button>
        </p>
      ) : (
        <form className={styles.connect} onSubmit={submit}>
          <label htmlFor="lab-runner-url">
            Run <code>{LAB_COMMAND}</code> in the course&apos;s folder, then paste the URL it prints:
          </label>
          <div className={styles.row}>
            <input
              id="lab-runner-url"
              className={styles.input}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder={`http://127.0.0.1:${DEFAULT_LAB_PORT}/?token=…`}
              value={urlText}
              onChange={(event) => setUrlText(event.target.value)}
              aria-describedby={urlError ? "lab-runner-url-error" : undefined}
            />
            <button type="submit" className={styles.button} disabled={connection.kind === "checking"}>
              {connection.kind === "checking" ? "Connecting…" : "Connect"}
            </button>
          </div>
          {(urlError ?? (connection.kind === "unreachable" ? connection.message : null)) && (
            <p id="lab-runner-url-error" className={styles.error} role="alert">
              {urlError ?? (connection.kind === "unreachable" ? connection.message : "")}{" "}
              {connection.kind === "unreachable" && (
                <button type="button" className={styles.linkButton} onClick={recheck}>
                  Try again
                </button>
              )}
            </p>
          )}
        </form>
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
        connection.kind !== "connected" && <WhatARunChecks rows={props.reference} />
      ) : (
        <RunView run={run} address={connection.kind === "connected" ? connection.address : null} />
      )}
    </section>
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

/** Without a runner: what a real run checks, with the values the recordings measured. */
function WhatARunChecks({ rows }: { rows: LabReferenceRow[] }) {
  return (
    <div className={styles.run}>
      <p>
        No runner connected, so the checks above are the static ones. A real run builds your Dockerfile against the demo
        service, then measures what the recordings measured (it needs Docker and about half a minute once the bases are
        built):
      </p>
      <table className={styles.table}>
        <caption className={styles.caption}>What a run checks, and what the recordings measured</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Naive image</th>
            <th scope="col">Optimized image</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.title}</th>
              <td>{row.naive}</td>
              <td>{row.optimized}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        To run it for real: <code>{LAB_COMMAND}</code>, then paste the URL it prints above (or open the link it prints,
        which carries it in this page&apos;s <code>#lab=</code>).
      </p>
    </div>
  );
}
