"use client";

import { useId, useState } from "react";
import { formatTime } from "@/lib/asciicast/time-display";
import { deepLink } from "@/lib/player/deep-link";
import { searchTranscript, type TranscriptMatch } from "@/lib/player/transcript-search";
import styles from "./sandbox.module.css";
import { TranscriptSearchBox } from "./transcript-search-box";

/** How many moments a search lists; the count says how many more there are. */
const SHOWN_MATCHES = 12;

/**
 * Typing a word lists the moments it appears at; each is a deep link, so choosing one opens the player there (the
 * sandbox follows it like any other link to a moment). It reads the transcript text beside it, so the lines are not
 * shipped twice. A chunk of its own, loaded when the transcript opens (./transcript-search-loader.tsx).
 */
export function TranscriptSearch({ scenario }: { scenario: string }) {
  const inputId = useId();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<TranscriptMatch[]>([]);

  const search = (value: string, from: HTMLElement) => {
    setQuery(value);
    const text = from.closest("details")?.querySelector(`pre[data-transcript="${scenario}"]`)?.textContent ?? "";
    setMatches(searchTranscript(text, value));
  };

  const trimmed = query.trim();
  return (
    <TranscriptSearchBox inputId={inputId} query={query} onQuery={search}>
      {trimmed ? (
        <div aria-live="polite">
          <p className={styles.muted}>
            {matches.length === 0
              ? `“${trimmed}” does not appear.`
              : `“${trimmed}” appears at ${matches.length} moment${matches.length === 1 ? "" : "s"}${matches.length > SHOWN_MATCHES ? ` (the first ${SHOWN_MATCHES} shown)` : ""}: choose one to watch it.`}
          </p>
          {matches.length > 0 ? (
            <ul className={styles.searchResults}>
              {matches.slice(0, SHOWN_MATCHES).map((match, index) => (
                <li key={index}>
                  <a href={deepLink(scenario, match.time)}>
                    <span className={styles.transcriptTime}>{formatTime(match.time)}</span> {match.line}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </TranscriptSearchBox>
  );
}
