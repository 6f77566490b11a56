import { describe, expect, it } from "vitest";
import type { LiveEvent } from "./events";
import {
  advanceRuns,
  allFinished,
  anyRunning,
  initialRuns,
  runClock,
  unfinishedRunIds,
  type LiveRun,
  type LiveRunsEvent,
} from "./runs";
import { applyLiveFrame, initialLiveView, isTerminal } from "./timeline";

const BASE = "http://127.0.0.1:4100";
const SIZES = [
  { cols: 100, rows: 30 },
  { cols: 80, rows: 24 },
];

function play(events: LiveRunsEvent[], from: readonly LiveRun[] = initialRuns(SIZES)) {
  const written: string[] = [];
  const runs = events.reduce((runs, event) => {
    const next = advanceRuns(runs, event);
    if (next.output !== undefined) written.push(next.output);
    return next.runs;
  }, from);
  return { runs, written };
}

const frame = (index: number, seq: number, event: LiveEvent, at = 0): LiveRunsEvent => ({
  type: "frame",
  index,
  frame: { seq, event },
  at,
});

describe("a presenter step's live runs", () => {
  it("start at each scenario's terminal size, connecting", () => {
    expect(initialRuns(SIZES).map((run) => [run.view.status, run.view.cols, run.view.rows])).toEqual([
      ["connecting", 100, 30],
      ["connecting", 80, 24],
    ]);
  });

  it("hand each frame's output over once and note when it arrived, leaving the other run alone", () => {
    const { runs, written } = play([
      { type: "accepted", index: 1, id: "run-2" },
      frame(1, 0, { type: "started", title: "t", cols: 80, rows: 24, at: 0 }, 10),
      frame(1, 1, { type: "output", t: 0.5, data: "$ docker run\r\n" }, 20),
      frame(1, 1, { type: "output", t: 0.5, data: "$ docker run\r\n" }, 30),
    ]);
    expect(written).toEqual(["$ docker run\r\n"]);
    expect(runs[1]).toMatchObject({ id: "run-2", receivedAt: 20, view: { status: "running", latest: 0.5 } });
    expect(runs[0]).toEqual(initialRuns(SIZES)[0]);
  });

  it("change nothing for a frame that changes nothing", () => {
    const { runs } = play([frame(0, 0, { type: "finished", durationSeconds: 3 })]);
    expect(advanceRuns(runs, frame(0, 1, { type: "failed", message: "too late" }, 99)).runs).toBe(runs);
  });

  it("fail a run whose server was lost, unless it had already ended", () => {
    const { runs } = play([
      frame(0, 0, { type: "finished", durationSeconds: 3 }),
      { type: "lost", index: 0, base: BASE },
      { type: "lost", index: 1, base: BASE },
    ]);
    expect(runs.map((run) => run.view.status)).toEqual(["finished", "failed"]);
    expect(runs[1]!.view.message).toBe(`lost the live server at ${BASE}`);
  });

  it("cancel only the runs the server accepted that have not ended", () => {
    const { runs } = play([
      { type: "accepted", index: 0, id: "run-1" },
      { type: "accepted", index: 1, id: "run-2" },
      frame(1, 0, { type: "cancelled", removedContainers: [] }),
    ]);
    expect(unfinishedRunIds(runs)).toEqual(["run-1"]);
    expect(unfinishedRunIds(initialRuns(SIZES))).toEqual([]);
  });

  it("are running until every run has ended, and ready to replay only when every run finished", () => {
    const oneFinished = play([frame(0, 0, { type: "finished", durationSeconds: 3 })]).runs;
    expect([anyRunning(oneFinished), allFinished(oneFinished)]).toEqual([true, false]);
    const oneFailed = play([frame(1, 0, { type: "failed", message: "no" })], oneFinished).runs;
    expect([anyRunning(oneFailed), allFinished(oneFailed)]).toEqual([false, false]);
    const bothFinished = play([frame(1, 0, { type: "finished", durationSeconds: 2 })], oneFinished).runs;
    expect([anyRunning(bothFinished), allFinished(bothFinished)]).toEqual([false, true]);
  });

  it("keep a running run's clock going between frames, and stop it when the run stops", () => {
    const running = play([
      frame(0, 0, { type: "started", title: "t", cols: 100, rows: 30, at: 0 }, 1_000),
      frame(0, 1, { type: "output", t: 2, data: "" }, 1_000),
    ]).runs;
    expect(runClock(running[0]!, 2_500)).toBe(3.5);
    expect(runClock(running[0]!, 500)).toBe(2);
    const finished = play([frame(0, 2, { type: "finished", durationSeconds: 4 }, 1_200)], running).runs;
    expect(runClock(finished[0]!, 9_000)).toBe(4);
  });
});

describe("the end of a run", () => {
  it("is the event that ends it, and only that", () => {
    const after = (event: LiveEvent) => applyLiveFrame(initialLiveView(), { seq: 0, event }).view;
    expect(isTerminal(initialLiveView())).toBe(false);
    expect(isTerminal(after({ type: "queued", position: 1 }))).toBe(false);
    expect(isTerminal(after({ type: "preparing", message: "building" }))).toBe(false);
    expect(isTerminal(after({ type: "started", title: "t", cols: 80, rows: 24, at: 0 }))).toBe(false);
    expect(isTerminal(after({ type: "finished", durationSeconds: 1 }))).toBe(true);
    expect(isTerminal(after({ type: "failed", message: "no" }))).toBe(true);
    expect(isTerminal(after({ type: "cancelled", removedContainers: [] }))).toBe(true);
  });
});
