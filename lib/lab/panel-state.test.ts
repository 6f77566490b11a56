import { describe, expect, it } from "vitest";
import { gradeOf, initialLabPanelState, KEPT_OUTPUT_CHARS, labPanelReducer, type LabPanelAction } from "./panel-state";
import type { LabCheckResult } from "./protocol";

const address = { origin: "http://127.0.0.1:4300", token: "t".repeat(32) };
const status = { engine: true, busy: false, bases: "stand-in" as const };
const result = (id: LabCheckResult["id"], passed: boolean): LabCheckResult => ({
  id,
  passed,
  measured: "m",
  optimized: "o",
  detail: "d",
});

const play = (...actions: LabPanelAction[]) => actions.reduce(labPanelReducer, initialLabPanelState);
const connected: LabPanelAction[] = [
  { type: "address-entered", address },
  { type: "status-received", status },
];

describe("the lab panel's state machine", () => {
  it("connects: an entered address is checked, then connected or unreachable", () => {
    expect(play({ type: "address-entered", address }).connection).toEqual({ kind: "checking", address });
    expect(play(...connected).connection).toEqual({ kind: "connected", address, status });
    expect(
      play({ type: "address-entered", address }, { type: "status-failed", message: "no answer" }).connection,
    ).toEqual({ kind: "unreachable", address, message: "no answer" });
    expect(play(...connected, { type: "disconnected" })).toEqual(initialLabPanelState);
  });

  it("starts a run only when connected to a runner with an engine, and never two at once", () => {
    expect(play({ type: "run-requested" }).run.kind).toBe("idle");
    expect(
      play(
        { type: "address-entered", address },
        { type: "status-received", status: { ...status, engine: false } },
        {
          type: "run-requested",
        },
      ).run.kind,
    ).toBe("idle");
    const running = play(...connected, { type: "run-requested" });
    expect(running.run).toMatchObject({ kind: "running", results: [], cancelling: false });
    expect(labPanelReducer(running, { type: "run-requested" })).toBe(running);
  });

  it("collects streamed checks as they arrive (a repeated id replaces the earlier one) and ends with the grade", () => {
    const state = play(
      ...connected,
      { type: "run-requested" },
      { type: "event", event: { type: "accepted", runId: "r1" } },
      { type: "event", event: { type: "phase", message: "building" } },
      { type: "event", event: { type: "check", result: result("size", true) } },
      { type: "event", event: { type: "check", result: result("user", false) } },
      { type: "event", event: { type: "check", result: result("user", true) } },
    );
    expect(state.run).toMatchObject({ kind: "running", runId: "r1", phase: "building" });
    expect(state.run.kind === "running" && state.run.results.map((r) => [r.id, r.passed])).toEqual([
      ["size", true],
      ["user", true],
    ]);
    expect(gradeOf(state.run)).toBeNull();
    const done = labPanelReducer(state, {
      type: "event",
      event: { type: "finished", passed: 2, total: 6, seconds: 40 },
    });
    expect(done.run).toMatchObject({ kind: "finished", runId: "r1", passed: 2, total: 6, seconds: 40 });
    expect(gradeOf(done.run)).toEqual({ passed: 2, total: 6 });
    // A late event of the finished run changes nothing.
    expect(labPanelReducer(done, { type: "event", event: { type: "phase", message: "late" } })).toEqual(done);
  });

  it("keeps only the end of a long output", () => {
    const state = play(
      ...connected,
      { type: "run-requested" },
      { type: "event", event: { type: "output", data: "a".repeat(KEPT_OUTPUT_CHARS) } },
      { type: "event", event: { type: "output", data: "tail" } },
    );
    expect(state.run.kind === "running" && state.run.output.length).toBe(KEPT_OUTPUT_CHARS);
    expect(state.run.kind === "running" && state.run.output.endsWith("tail")).toBe(true);
  });

  it("shows a refusal, a failure, and a cancel with the containers the runner removed", () => {
    expect(play(...connected, { type: "run-requested" }, { type: "run-refused", message: "busy" }).run).toMatchObject({
      kind: "failed",
      message: "busy",
    });
    expect(
      play(
        ...connected,
        { type: "run-requested" },
        { type: "event", event: { type: "failed", message: "build failed" } },
      ).run,
    ).toMatchObject({ kind: "failed", message: "build failed" });
    const cancelling = play(...connected, { type: "run-requested" }, { type: "cancel-requested" });
    expect(cancelling.run).toMatchObject({ kind: "running", cancelling: true });
    expect(
      labPanelReducer(cancelling, { type: "event", event: { type: "cancelled", removedContainers: ["course-lab-1"] } })
        .run,
    ).toMatchObject({ kind: "cancelled", removedContainers: ["course-lab-1"] });
  });

  it("reads a lost stream as cancelled after a cancel, and as a failure otherwise", () => {
    const running = play(...connected, { type: "run-requested" });
    expect(labPanelReducer(running, { type: "stream-lost", message: "connection reset" }).run).toMatchObject({
      kind: "failed",
      message: "connection reset",
    });
    const cancelling = labPanelReducer(running, { type: "cancel-requested" });
    expect(labPanelReducer(cancelling, { type: "stream-lost", message: "aborted" }).run.kind).toBe("cancelled");
  });

  it("forgets the old runner's run when a new address is entered", () => {
    const state = play(...connected, { type: "run-requested" }, { type: "address-entered", address });
    expect(state).toEqual({ connection: { kind: "checking", address }, run: { kind: "idle" } });
  });
});
