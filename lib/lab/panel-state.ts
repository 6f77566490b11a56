import type { LabCheckResult, LabEvent, LabStatus, RunnerAddress } from "./protocol";

/**
 * The lab panel's state machine: which runner the page talks to, and the run it is following.
 * Pure, so every transition is tested without a browser or a runner (panel-state.test.ts).
 */
export type LabConnection =
  | { kind: "none" }
  | { kind: "checking"; address: RunnerAddress }
  | { kind: "connected"; address: RunnerAddress; status: LabStatus }
  | { kind: "unreachable"; address: RunnerAddress; message: string };

export type LabRun =
  | { kind: "idle" }
  | {
      kind: "running";
      runId: string | null;
      phase: string;
      results: LabCheckResult[];
      output: string;
      cancelling: boolean;
    }
  | {
      kind: "finished";
      runId: string | null;
      results: LabCheckResult[];
      passed: number;
      total: number;
      seconds: number;
    }
  | { kind: "failed"; runId: string | null; results: LabCheckResult[]; message: string }
  | { kind: "cancelled"; runId: string | null; results: LabCheckResult[]; removedContainers: string[] };

export interface LabPanelState {
  connection: LabConnection;
  run: LabRun;
}

export type LabPanelAction =
  | { type: "address-entered"; address: RunnerAddress }
  | { type: "status-received"; status: LabStatus }
  | { type: "status-failed"; message: string }
  | { type: "disconnected" }
  | { type: "run-requested" }
  /** The runner answered the run request with an error (busy, refused Dockerfile, bad token). */
  | { type: "run-refused"; message: string }
  | { type: "event"; event: LabEvent }
  | { type: "cancel-requested" }
  /** The stream ended or broke without an ending event. */
  | { type: "stream-lost"; message: string };

/** The terminal output the panel keeps: the end of a long build is what a person needs. */
export const KEPT_OUTPUT_CHARS = 20_000;

export const initialLabPanelState: LabPanelState = { connection: { kind: "none" }, run: { kind: "idle" } };

const runIdOf = (run: LabRun) => (run.kind === "idle" ? null : run.runId);
const resultsOf = (run: LabRun) => (run.kind === "idle" ? [] : run.results);

function onEvent(run: LabRun, event: LabEvent): LabRun {
  // Events of a run the panel is no longer following (after a cancel's answer, say) change nothing.
  if (run.kind !== "running") return run;
  switch (event.type) {
    case "accepted":
      return { ...run, runId: event.runId };
    case "phase":
      return { ...run, phase: event.message };
    case "output":
      return { ...run, output: (run.output + event.data).slice(-KEPT_OUTPUT_CHARS) };
    case "check":
      return { ...run, results: [...run.results.filter((result) => result.id !== event.result.id), event.result] };
    case "finished":
      return {
        kind: "finished",
        runId: run.runId,
        results: run.results,
        passed: event.passed,
        total: event.total,
        seconds: event.seconds,
      };
    case "failed":
      return { kind: "failed", runId: run.runId, results: run.results, message: event.message };
    case "cancelled":
      return { kind: "cancelled", runId: run.runId, results: run.results, removedContainers: event.removedContainers };
  }
}

export function labPanelReducer(state: LabPanelState, action: LabPanelAction): LabPanelState {
  const { connection, run } = state;
  switch (action.type) {
    case "address-entered":
      // A new runner: whatever the old one was doing is no longer this page's to follow.
      return { connection: { kind: "checking", address: action.address }, run: { kind: "idle" } };
    case "status-received":
      if (connection.kind === "none") return state;
      return { ...state, connection: { kind: "connected", address: connection.address, status: action.status } };
    case "status-failed":
      if (connection.kind === "none") return state;
      return { ...state, connection: { kind: "unreachable", address: connection.address, message: action.message } };
    case "disconnected":
      return initialLabPanelState;
    case "run-requested":
      if (connection.kind !== "connected" || !connection.status.engine || run.kind === "running") return state;
      return {
        ...state,
        run: {
          kind: "running",
          runId: null,
          phase: "sending the Dockerfile",
          results: [],
          output: "",
          cancelling: false,
        },
      };
    case "run-refused":
      if (run.kind !== "running") return state;
      return { ...state, run: { kind: "failed", runId: null, results: [], message: action.message } };
    case "event":
      return { ...state, run: onEvent(run, action.event) };
    case "cancel-requested":
      if (run.kind !== "running") return state;
      return { ...state, run: { ...run, cancelling: true, phase: "cancelling: removing the run's containers" } };
    case "stream-lost":
      if (run.kind !== "running") return state;
      return {
        ...state,
        run: run.cancelling
          ? { kind: "cancelled", runId: runIdOf(run), results: resultsOf(run), removedContainers: [] }
          : { kind: "failed", runId: runIdOf(run), results: resultsOf(run), message: action.message },
      };
  }
}

/** What the panel reports to the exercise once a run has graded every check. */
export function gradeOf(run: LabRun): { passed: number; total: number } | null {
  return run.kind === "finished" ? { passed: run.passed, total: run.total } : null;
}
