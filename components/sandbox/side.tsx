import type { CSSProperties, ReactNode } from "react";
import type { PanelState } from "@/lib/recordings/timeline";
import { panelFields, StatePanel, type PanelField } from "./state-panel";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";
import styles from "./sandbox.module.css";

/**
 * One recording's column: title (in compare mode), screen and state panel. The poster and the
 * player both render it, so the two are laid out alike and swapping them shifts nothing.
 */
export function Side({
  scenario,
  compare,
  state,
  lastEvent,
  fields = panelFields(scenario.events),
  poster = false,
  children,
}: {
  scenario: ScenarioSummary;
  compare: boolean;
  state: PanelState;
  lastEvent?: string;
  /** The panel's rows; a compare passes both sides the same rows so the two panels line up. */
  fields?: PanelField[];
  /** Rendered with the poster, before the player loads (the state panel's rows are lighter then). */
  poster?: boolean;
  children: ReactNode;
}) {
  // The recording's size as CSS variables: the screen reserves the terminal's height before the player loads (see sandbox.module.css).
  const size = { "--cols": scenario.cols, "--rows": scenario.screenRows } as CSSProperties;
  return (
    <div className={styles.side} data-scenario={scenario.name}>
      {compare ? <p className={styles.sideTitle}>{scenario.title}</p> : null}
      <div className={styles.screen} style={size}>
        {children}
      </div>
      <StatePanel title={scenario.title} state={state} fields={fields} lastEvent={lastEvent} poster={poster} />
    </div>
  );
}

/** A compare's two columns side by side; a single recording's column needs no wrapper (one element fewer per sandbox). */
export function Sides({ compare, children }: { compare: boolean; children: ReactNode }) {
  return compare ? <div className={styles.sides}>{children}</div> : children;
}
