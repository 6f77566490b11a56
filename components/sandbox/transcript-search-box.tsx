import type { ChangeEvent, ReactNode } from "react";
import styles from "./sandbox.module.css";

/**
 * The transcript's search box, shared by the server-rendered transcript (disabled, until the search
 * has loaded) and the search itself, so that the one takes the other's place without a shift.
 */
export function TranscriptSearchBox({
  inputId,
  query = "",
  onQuery,
  children,
}: {
  inputId: string;
  query?: string;
  onQuery?: (query: string, input: HTMLInputElement) => void;
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
        disabled={!onQuery}
        onChange={
          onQuery && ((event: ChangeEvent<HTMLInputElement>) => onQuery(event.target.value, event.currentTarget))
        }
      />
      {children}
    </div>
  );
}
