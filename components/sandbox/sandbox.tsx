import { loadScenarioGroup } from "@/lib/recordings/scenarios.server";
import { SandboxIsland } from "./sandbox-island";
import { TrafficChart, TrafficLegend } from "./traffic-chart";
import { Transcript } from "./transcript";
import styles from "./sandbox.module.css";

export interface SandboxProps {
  /** Scenario name: the recording is sandboxes/recordings/<scenario>.cast, its facts and events come from the manifest. */
  scenario: string;
  /** Caption above the player; defaults to the manifest's title. */
  title?: string;
}

export interface SandboxCompareProps {
  /** The two scenarios replayed side by side on one clock, e.g. left="stop-naive" right="stop-optimized". */
  left: string;
  right: string;
  title?: string;
}

/** One recording, replayed in a terminal with a state panel. Server part: poster and transcript are static HTML. */
export function Sandbox({ scenario, title }: SandboxProps) {
  return <SandboxFigure names={[scenario]} title={title} />;
}

/** Two recordings on one clock (naive vs optimized), stacked on narrow screens. */
export function SandboxCompare({ left, right, title }: SandboxCompareProps) {
  return <SandboxFigure names={[left, right]} title={title} />;
}

function SandboxFigure({ names, title }: { names: string[]; title?: string }) {
  const { title: caption, ready, failed } = loadScenarioGroup(names, title);
  const captionId = `sandbox-${names.join("-vs-")}-caption`;
  const compare = names.length > 1;
  const charts = ready.map((entry) =>
    entry.traffic ? (
      <TrafficChart
        key={entry.summary.name}
        chart={entry.traffic.chart}
        title={compare ? entry.summary.title : undefined}
        label={`${entry.summary.title}: requests per second and each replica's state in the balancer; ${entry.traffic.failed} of ${entry.traffic.sent} requests failed.`}
      />
    ) : null,
  );
  const hasCharts = charts.some((chart) => chart !== null);
  return (
    <figure
      className={compare ? `${styles.sandbox} ${styles.compare}` : styles.sandbox}
      id={names[0]}
      data-sandbox={names.join(" ")}
      aria-labelledby={captionId}
    >
      <figcaption id={captionId} className={styles.caption}>
        {caption}
      </figcaption>
      {failed.length === 0 ? (
        <SandboxIsland
          compare={compare}
          scenarios={ready.map((entry) => entry.summary)}
          posters={ready.map((entry) => entry.poster)}
          charts={hasCharts ? charts : undefined}
        />
      ) : (
        failed.map((entry) => (
          <p key={entry.name} className={styles.error} role="alert">
            {entry.error}
          </p>
        ))
      )}
      {hasCharts ? <TrafficLegend /> : null}
      {ready.map((entry) => (
        <Transcript
          key={entry.summary.name}
          scenario={entry.summary.name}
          title={compare ? entry.summary.title : undefined}
          duration={entry.summary.duration}
          entries={entry.transcript}
        />
      ))}
    </figure>
  );
}
