import type { PanelState, TimelineEvent } from "./timeline";

/*
 * Its own module because the sandbox's poster (part of a lesson's first load) needs only this of
 * ./timeline.ts; the rest loads with the player.
 */

/** The markers' state patches merged up to `time`, without the running "since SIGTERM" clock (the poster uses it before the recording is loaded). */
export function markerStateAt(events: readonly TimelineEvent[], time: number): PanelState {
  const state: PanelState = {};
  for (const event of events) {
    if (event.time > time + 1e-9) break;
    // An HTTP answer needs a running process: once the container has exited, /healthz shows only what the recording
    // shows from then on (a refused connection, or nothing), never the last answer it gave.
    if (event.state.container === "exited" && typeof state.httpHealth === "number") delete state.httpHealth;
    Object.assign(state, event.state);
  }
  return state;
}
