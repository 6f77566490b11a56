import { formatTime } from "@/lib/asciicast/time-display";
import { eventIndexAt } from "@/lib/player/navigation";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";
import styles from "./sandbox.module.css";

/**
 * The still screen shown until the first play. It is a moment from the middle of the recording while
 * the clock and the state panel start at 0:00, so it says which moment it is.
 */
export function Poster({ scenario, text }: { scenario: ScenarioSummary; text: string }) {
  if (!text) return null;
  const moment = scenario.events[eventIndexAt(scenario.events, scenario.posterTime)];
  return (
    <div className={styles.posterOverlay}>
      <pre className={styles.poster} aria-hidden="true">
        {text}
      </pre>
      <p className={styles.posterNote} data-testid="poster-note">
        Preview at {formatTime(scenario.posterTime)}
        {moment ? ` (${moment.label})` : ""} · Play starts at 0:00
      </p>
    </div>
  );
}
