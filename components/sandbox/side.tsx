import type { CSSProperties, ReactNode } from "react";
import type { PanelState } from "@/lib/recordings/timeline";
import { panelFields, StatePanel } from "./state-panel";
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
  children,
}: {
  scenario: ScenarioSummary;
  compare: boolean;
  state: PanelState;
  lastEvent?: string;
  children: ReactNode;
}) {
  // The recording's size as CSS variables: the screen reserves the terminal's height before xterm loads (see sandbox.module.css).
  const size = { "--cols": scenario.cols, "--rows": scenario.rows } as CSSProperties;
  return (
    <div className={styles.side} data-scenario={scenario.name}>
      {compare ? <p className={styles.sideTitle}>{scenario.title}</p> : null}
      <div className={styles.screen} style={size}>
        {children}
      </div>
      <StatePanel title={scenario.title} state={state} fields={panelFields(scenario.events)} lastEvent={lastEvent} />
    </div>
  );
}
