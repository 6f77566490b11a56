import type { LiveServerStatus } from "@/lib/live/client";

/** What the presenter window shows around the current step (the step itself is `usePresenterStep`'s). */
export interface StageState {
  /** The speaker-notes panel beside the stage (S). */
  notesOpen: boolean;
  /** Why the step is not what was asked for (no live server, a refused run, a player that failed to load). */
  notice?: string;
  liveServer: LiveServerStatus;
  /** The step running live and the live server running it; it shows only while that step is on screen. */
  live?: { stepId: string; base: string };
}

export type StageEvent =
  /** Any move to another step: its live run and its notice stay behind. */
  | { type: "step-changed" }
  | { type: "notes-toggled" }
  | { type: "notice"; text: string }
  /** The live server was looked for (`checking`) or answered. */
  | { type: "live-server"; status: LiveServerStatus }
  /** L was pressed and the live server cannot run anything: the recording stays, with the reason. */
  | { type: "live-refused"; reason: string }
  | { type: "live-started"; stepId: string; base: string }
  /** Back to the recording: the presenter asked, or the live run could not happen (`notice` says why). */
  | { type: "live-ended"; notice?: string };

export const initialStage: StageState = { notesOpen: false, liveServer: { state: "idle" } };

export function stageReducer(state: StageState, event: StageEvent): StageState {
  switch (event.type) {
    case "step-changed":
      return { ...state, live: undefined, notice: undefined };
    case "notes-toggled":
      return { ...state, notesOpen: !state.notesOpen };
    case "notice":
      return { ...state, notice: event.text };
    case "live-server":
      return { ...state, liveServer: event.status };
    case "live-refused":
      return {
        ...state,
        liveServer: { state: "unavailable", reason: event.reason },
        notice: `Live mode is not available: ${event.reason}. Showing the recording.`,
      };
    case "live-started":
      return {
        ...state,
        liveServer: { state: "ready" },
        live: { stepId: event.stepId, base: event.base },
        notice: undefined,
      };
    case "live-ended":
      return { ...state, live: undefined, notice: event.notice };
  }
}

/** The live server the step on screen runs on, if it is the step running live. */
export function liveBaseFor(state: StageState, stepId: string): string | undefined {
  return state.live?.stepId === stepId ? state.live.base : undefined;
}
