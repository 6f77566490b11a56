import { stateAt, type PanelState, type TimelineEvent } from "@/lib/recordings/timeline";
import { TERMINAL_EVENTS, type LiveFrame, type RunEnding } from "./events";

export type LiveStatus = "connecting" | "queued" | "preparing" | "running" | RunEnding;

/** Everything the live view shows about one run, rebuilt from the frames received so far. */
export interface LiveRunView {
  status: LiveStatus;
  /** While queued: 1 = runs next. */
  position?: number;
  /** The latest preparation step, or why the run failed. */
  message?: string;
  title?: string;
  cols: number;
  rows: number;
  /** Markers on the live clock (seconds since the run started; nothing is compressed live). */
  events: TimelineEvent[];
  /** The latest time the server reported (output, marker or the finish). */
  latest: number;
  lastSeq: number;
  removedContainers?: string[];
}

export const initialLiveView = (cols = 100, rows = 30): LiveRunView => ({
  status: "connecting",
  cols,
  rows,
  events: [],
  latest: 0,
  lastSeq: -1,
});

/** The run has ended: its status is the event that ended it. */
export const isTerminal = (view: LiveRunView) => TERMINAL_EVENTS.has(view.status);

/**
 * Applies one frame. Returns the new view and the terminal output to write, if any. Frames at or
 * below the last sequence number seen (an SSE reconnect replaying) change nothing, and nothing
 * changes after the run has ended.
 */
export function applyLiveFrame(view: LiveRunView, frame: LiveFrame): { view: LiveRunView; output?: string } {
  if (frame.seq <= view.lastSeq || isTerminal(view)) return { view };
  const next: LiveRunView = { ...view, lastSeq: frame.seq };
  const event = frame.event;
  switch (event.type) {
    case "queued":
      return { view: { ...next, status: "queued", position: event.position } };
    case "preparing":
      return { view: { ...next, status: "preparing", position: undefined, message: event.message } };
    case "started":
      return {
        view: {
          ...next,
          status: "running",
          position: undefined,
          message: undefined,
          title: event.title,
          cols: event.cols,
          rows: event.rows,
        },
      };
    case "output":
      return { view: { ...next, latest: Math.max(view.latest, event.t) }, output: event.data };
    case "marker": {
      const timed: TimelineEvent = { ...event.event, time: event.event.t };
      const events = [...view.events, timed].sort((a, b) => a.time - b.time);
      return { view: { ...next, events, latest: Math.max(view.latest, event.event.t) } };
    }
    case "finished":
      return { view: { ...next, status: "finished", latest: Math.max(view.latest, event.durationSeconds) } };
    case "failed":
      return { view: { ...next, status: "failed", message: event.message } };
    case "cancelled":
      return { view: { ...next, status: "cancelled", removedContainers: event.removedContainers } };
  }
}

/** The state panel at live time `now`: the same merge as a replay, with no pauses to map. */
export function liveStateAt(view: LiveRunView, now: number): PanelState {
  return stateAt({ timeMap: [] }, view.events, Math.max(now, view.latest));
}

export const endsRun = (frame: LiveFrame) => TERMINAL_EVENTS.has(frame.event.type);
