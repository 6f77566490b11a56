import { LAB_COMMAND, type LabReferenceRow } from "@/lib/lab/checks";
import styles from "./lab-panel.module.css";

/**
 * Without a runner: what a real run checks, with the values the recordings measured. Rendered while
 * the lesson prerenders and handed to the lab panel as markup, so none of it is the page's JavaScript.
 */
export function WhatARunChecks({ rows }: { rows: LabReferenceRow[] }) {
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
