import { Fragment } from "react";
import type { TrafficChart as TrafficChartData } from "@/lib/recordings/traffic";
import styles from "./traffic-chart.module.css";

/** Plot units across: x = time / duration × WIDTH, so a playhead at the same fraction lines up. */
const WIDTH = 1000;
const BARS_HEIGHT = 100;
/** Plot units down per replica in the bands' SVG, of which BAND_HEIGHT are its band (the rest spaces the bands). */
const BAND_PITCH = 10;
const BAND_HEIGHT = 7.5;

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
  // A replica's band from start to end, in its row of the bands' SVG.
  const band = (row: number, start: number, end: number) =>
    rectPath(
      x(start),
      row * BAND_PITCH + (BAND_PITCH - BAND_HEIGHT) / 2,
      Math.max(0.5, x(end) - x(start)),
      BAND_HEIGHT,
    );
  return (
    <div className={styles.frame}>
      {title ? <p className={styles.frameTitle}>{title}</p> : null}
      <div className={styles.plotArea} role="img" aria-label={label} data-traffic-chart>
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
        {chart.replicas.map((replica) => (
          <span key={replica.name} className={styles.label}>
            {replica.name}
          </span>
        ))}
        {/* Every replica's band in one SVG beside their labels, one path per colour: not an SVG and four paths each. */}
        <svg
          className={styles.bands}
          style={{ gridRowEnd: `span ${chart.replicas.length}` }}
          viewBox={`0 0 ${WIDTH} ${chart.replicas.length * BAND_PITCH}`}
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <path className={styles.track} d={chart.replicas.map((_, row) => band(row, 0, chart.duration)).join("")} />
          {(Object.keys(STATE_LABELS) as Array<keyof typeof STATE_LABELS>).map((state) => (
            <path
              key={state}
              className={styles[state]}
              d={chart.replicas
                .flatMap((replica, row) =>
                  replica.bands
                    .filter((entry) => entry.state === state)
                    .map((entry) => band(row, entry.start, entry.end)),
                )
                .join("")}
            />
          ))}
        </svg>
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
