import type { StatePatch } from "@/lib/recordings/manifest-schema";
import type { PanelState, TimelineEvent } from "@/lib/recordings/timeline";
import styles from "./sandbox.module.css";

export type PanelField = keyof StatePatch | "sinceSigterm";

const FIELDS: Array<{ key: PanelField; label: string; format?: (state: PanelState) => string }> = [
  { key: "container", label: "Container" },
  { key: "health", label: "Health check" },
  { key: "httpHealth", label: "GET /healthz" },
  { key: "pid1", label: "PID 1" },
  { key: "user", label: "User" },
  { key: "inflight", label: "In-flight request" },
  { key: "sinceSigterm", label: "Since SIGTERM", format: (state) => `${(state.sinceSigterm ?? 0).toFixed(1)} s` },
  { key: "exitCode", label: "Exit code" },
];

/** Tone for a value, so the panel can colour it; the text always says the same thing. */
function tone(key: PanelField, value: unknown): "good" | "bad" | "warn" | undefined {
  if (value === "healthy" || value === "completed" || value === 200 || (key === "exitCode" && value === 0))
    return "good";
  if (
    value === "unhealthy" ||
    value === "dropped" ||
    value === "refused" ||
    value === 503 ||
    (key === "exitCode" && value !== 0)
  )
    return "bad";
  if (value === "stopping" || value === "starting" || value === "pending") return "warn";
  return undefined;
}

/** Rows that this scenario ever sets; a stop recording has no use for a row that stays empty. */
export function panelFields(events: readonly TimelineEvent[]): PanelField[] {
  const keys = new Set<PanelField>();
  for (const event of events)
    for (const key of Object.keys(event.state) as Array<keyof StatePatch>)
      keys.add(key === "sigtermAt" ? "sinceSigterm" : key);
  return FIELDS.map((field) => field.key).filter((key) => keys.has(key));
}

export function StatePanel({
  title,
  state,
  fields,
  lastEvent,
  poster = false,
}: {
  title: string;
  state: PanelState;
  fields: PanelField[];
  lastEvent?: string;
  /** Rendered with the poster, before the player loads: rows with nothing recorded yet can be lighter (see below). */
  poster?: boolean;
}) {
  const rows = FIELDS.filter((field) => fields.includes(field.key)).map((field) => {
    const value = field.key === "sinceSigterm" ? state.sinceSigterm : state[field.key];
    return {
      ...field,
      value,
      text: value === undefined ? undefined : field.format ? field.format(state) : String(value),
    };
  });
  return (
    <section className={styles.panel} aria-label={`State: ${title}`}>
      <p className={styles.panelEvent}>
        <span className={styles.muted}>Last event:</span> {lastEvent ?? "—"}
      </p>
      {rows.length === 0 ? null : poster && rows.every((row) => row.text === undefined) ? (
        // Before the player loads nothing is known yet: each row is one element, its label, and CSS draws the "—"
        // where the value will be, as tall and as wide as the player's rows (a lesson has dozens of these rows).
        <ul className={styles.panelList}>
          {rows.map((row) => (
            <li key={row.key} className={styles.panelRow} data-field={row.key}>
              {row.label}
            </li>
          ))}
        </ul>
      ) : (
        <dl className={styles.panelList}>
          {rows.map((row) => (
            <div key={row.key} className={styles.panelRow} data-field={row.key}>
              <dt>{row.label}</dt>
              <dd data-tone={row.value === undefined ? undefined : tone(row.key, row.value)}>{row.text ?? "—"}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
