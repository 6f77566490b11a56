import { formatTime } from "@/lib/asciicast/time-display";
import type { TranscriptEntry } from "@/lib/asciicast/transcript";
import { linkTime } from "@/lib/player/deep-link";
import { TranscriptSearchLoader } from "./transcript-search-loader";
import styles from "./sandbox.module.css";

/**
 * A recording's transcript: one preformatted text, a line per output line, markers marked ▸. Plain text rather than
 * an element per line keeps a lesson's DOM small, while find-in-page, print and screen readers read it all. Each
 * line's time is when it is on screen (rounded up to the tenth), so a search result's link shows the line.
 */
export function Transcript({
  scenario,
  title,
  duration,
  entries,
}: {
  scenario: string;
  title?: string;
  duration: number;
  entries: TranscriptEntry[];
}) {
  return (
    <details className={styles.transcript}>
      <summary>
        {/* The duration in the summary's own text: a span to mute it would be an element more per transcript. */}
        Transcript{title ? `: ${title}` : ""} ({formatTime(duration)})
      </summary>
      <TranscriptSearchLoader scenario={scenario} />
      <pre className={styles.transcriptText} data-transcript={scenario}>
        {entries
          .map((entry) => `${formatTime(linkTime(entry.time))}  ${entry.kind === "marker" ? "▸ " : ""}${entry.text}\n`)
          .join("")}
      </pre>
    </details>
  );
}
