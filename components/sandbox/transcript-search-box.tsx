import type { ChangeEvent, ReactNode } from "react";
import styles from "./sandbox.module.css";

/**
 * The transcript's search box: a label and a field on one row at every width (the slot the transcript
 * keeps for it before it loads is that row's height, see transcript-search-loader.tsx), results below.
 */
export function TranscriptSearchBox({
  inputId,
  query,
  onQuery,
  children,
}: {
  inputId: string;
  query: string;
  onQuery: (query: string, input: HTMLInputElement) => void;
  /** What the search found. */
  children?: ReactNode;
}) {
  return (
    <div className={styles.transcriptSearch} role="search">
      <label htmlFor={inputId}>Find in this transcript</label>{" "}
      <input
        id={inputId}
        type="search"
        value={query}
        placeholder="e.g. SIGTERM"
        autoComplete="off"
        onChange={(event: ChangeEvent<HTMLInputElement>) => onQuery(event.target.value, event.currentTarget)}
      />
      {children}
    </div>
  );
}
