import { Fragment } from "react";
import type { TrafficChart as TrafficChartData } from "@/lib/recordings/traffic";
import styles from "./traffic-chart.module.css";

/** Plot units across: x = time / duration × WIDTH, so a playhead at the same fraction lines up. */
const WIDTH = 1000;
const BARS_HEIGHT = 100;

const STATE_LABELS = {
  up: "UP",
  "going-down": "failing checks, still in rotation",
  down: "DOWN",
  "coming-up": "passing checks, not yet in rotation",
} as const;

/** An SVG path for a rectangle, so many rectangles of one colour can share one element. */
function rectPath(x: number, y: number, width: number, height: number): string {
  const round = (value: number) => Math.round(value * 100) / 100;
  return `M${round(x)} ${round(y)}h${round(width)}v${round(height)}h${round(-width)}z`;
}

/**
 * A rolling deploy's requests per second (succeeded and failed) and each replica's state in the
 * balancer, on the recording's playback clock. Static SVG with no script: once the player has
 * loaded it sets --playhead (0..1) on a wrapper, which shows the playhead, and seeks when the plot is
 * clicked (see ChartPlayhead). The totals table in the lesson is its text alternative.
 */
export function TrafficChart({ chart, label, title }: { chart: TrafficChartData; label: string; title?: string }) {
  const x = (time: number) => (time / chart.duration) * WIDTH;
  const y = (count: number) => (count / chart.maxPerSecond) * BARS_HEIGHT;
  // One path per colour rather than an element per bar: a lesson's DOM stays small.
  const bars = (segment: (second: TrafficChartData["seconds"][number]) => [base: number, count: number]) =>
    chart.seconds
      .map((second) => {
        const [base, count] = segment(second);
        if (count <= 0) return "";
        const width = Math.max(0.5, x(second.end) - x(second.start) - 1);
        return rectPath(x(second.start), BARS_HEIGHT - y(base + count), width, y(count));
      })
      .join("");
  return (
    <div className={styles.frame}>
      {title ? <p className={styles.frameTitle}>{title}</p> : null}
      <div className={styles.plotArea} role="img" aria-label={label} data-traffic-chart>
        <div className={styles.row}>
          <span className={styles.label}>
            requests/s <span className={styles.scale}>(max {chart.maxPerSecond})</span>
          </span>
          <svg
            className={styles.bars}
            viewBox={`0 0 ${WIDTH} ${BARS_HEIGHT}`}
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            <path className={styles.ok} d={bars((second) => [0, second.ok])} />
            <path className={styles.failed} d={bars((second) => [second.ok, second.failed])} />
          </svg>
        </div>
        {chart.replicas.map((replica) => (
          <div key={replica.name} className={styles.row}>
            <span className={styles.label}>{replica.name}</span>
            <svg className={styles.band} viewBox={`0 0 ${WIDTH} 10`} preserveAspectRatio="none" aria-hidden="true">
              {(Object.keys(STATE_LABELS) as Array<keyof typeof STATE_LABELS>).map((state) => (
                <path
                  key={state}
                  className={styles[state]}
                  d={replica.bands
                    .filter((band) => band.state === state)
                    .map((band) => rectPath(x(band.start), 0, Math.max(0.5, x(band.end) - x(band.start)), 10))
                    .join("")}
                />
              ))}
            </svg>
          </div>
        ))}
        <div className={styles.plot} data-plot>
          <div className={styles.playhead} />
        </div>
      </div>
    </div>
  );
}

/** What the chart's colours mean; once below the sandbox, not over the plot the playhead covers. */
export function TrafficLegend() {
  return (
    <p className={styles.legend} aria-hidden="true">
      <span className={`${styles.swatch} ${styles.ok}`}>succeeded</span>{" "}
      <span className={`${styles.swatch} ${styles.failed}`}>failed</span>
      {(Object.keys(STATE_LABELS) as (keyof typeof STATE_LABELS)[]).map((state) => (
        <Fragment key={state}>
          {" "}
          <span className={`${styles.swatch} ${styles[state]}`}>{STATE_LABELS[state]}</span>
        </Fragment>
      ))}
    </p>
  );
}
