import { describe, expect, it } from "vitest";
import type { LiveEvent, LiveFrame } from "./events";
import { applyLiveFrame, initialLiveView, liveStateAt, type LiveRunView } from "./timeline";

function replay(events: LiveEvent[], from: LiveRunView = initialLiveView()) {
  let view = from;
  const written: string[] = [];
  events.forEach((event, seq) => {
    const result = applyLiveFrame(view, { seq, event });
    view = result.view;
    if (result.output !== undefined) written.push(result.output);
  });
  return { view, written };
}

const stopRun: LiveEvent[] = [
  { type: "queued", position: 2 },
  { type: "queued", position: 1 },
  { type: "preparing", message: "building the optimized image" },
  { type: "started", title: "docker stop on the optimized image", cols: 100, rows: 30, at: 0 },
  { type: "output", t: 0.01, data: "$ docker run -d …\r\n" },
  {
    type: "marker",
    event: { t: 0.9, label: "container started", kind: "start", state: { container: "starting", health: "starting" } },
  },
  {
    type: "marker",
    event: {
      t: 2.1,
      label: "serving on the published port",
      kind: "ready",
      state: { container: "running", httpHealth: 200 },
    },
  },
  {
    type: "marker",
    event: {
      t: 5,
      label: "docker stop: SIGTERM sent",
      kind: "sigterm",
      state: { container: "stopping", sigtermAt: 5 },
    },
  },
  { type: "output", t: 5.02, data: "received SIGTERM\r\n" },
  { type: "marker", event: { t: 5.4, label: "/healthz answers 503", kind: "healthz", state: { httpHealth: 503 } } },
  {
    type: "marker",
    event: { t: 7.8, label: "container exited with code 0", kind: "exit", state: { container: "exited", exitCode: 0 } },
  },
  { type: "finished", durationSeconds: 8.3 },
];

describe("live events → the player's timeline", () => {
  it("follows a run from the queue to its exit", () => {
    const views = stopRun.map((_, index) => replay(stopRun.slice(0, index + 1)).view);
    expect(views.map((view) => view.status)).toEqual([
      "queued",
      "queued",
      "preparing",
      "running",
      "running",
      "running",
      "running",
      "running",
      "running",
      "running",
      "running",
      "finished",
    ]);
    expect(views[1]!.position).toBe(1);
    expect(views[2]!.position).toBeUndefined();
    expect(views[2]!.message).toBe("building the optimized image");
    expect(views[3]!.title).toBe("docker stop on the optimized image");
  });

  it("hands terminal output through in order and places markers on the live clock", () => {
    const { view, written } = replay(stopRun);
    expect(written).toEqual(["$ docker run -d …\r\n", "received SIGTERM\r\n"]);
    expect(view.events.map((event) => [event.label, event.time])).toEqual([
      ["container started", 0.9],
      ["serving on the published port", 2.1],
      ["docker stop: SIGTERM sent", 5],
      ["/healthz answers 503", 5.4],
      ["container exited with code 0", 7.8],
    ]);
    expect(view.latest).toBe(8.3);
  });

  it("derives the state panel as the markers arrive, with the time since SIGTERM running until the exit", () => {
    const untilSigterm = replay(stopRun.slice(0, 8)).view;
    expect(liveStateAt(untilSigterm, 6.5)).toMatchObject({ container: "stopping", httpHealth: 200, sinceSigterm: 1.5 });
    const untilExit = replay(stopRun).view;
    const exited = liveStateAt(untilExit, 30);
    expect(exited).toMatchObject({ container: "exited", exitCode: 0, sinceSigterm: 2.8 });
    // The last answer (503 while draining) does not outlive the container that gave it.
    expect(exited.httpHealth).toBeUndefined();
  });

  it("never goes back in time when the client's clock lags the server", () => {
    const view = replay(stopRun.slice(0, 10)).view;
    expect(liveStateAt(view, 0)).toMatchObject({ httpHealth: 503, container: "stopping" });
  });

  it("ignores frames replayed by a reconnect and anything after the run ended", () => {
    const { view } = replay(stopRun);
    const again: LiveFrame = { seq: 4, event: { type: "output", t: 0.01, data: "$ docker run -d …\r\n" } };
    expect(applyLiveFrame(view, again)).toEqual({ view });
    const late: LiveFrame = { seq: 99, event: { type: "failed", message: "too late" } };
    expect(applyLiveFrame(view, late).view.status).toBe("finished");
  });

  it("reports a failure's message and a cancel's cleanup", () => {
    const failed = replay([
      { type: "started", title: "t", cols: 80, rows: 24, at: 0 },
      { type: "failed", message: "docker run failed: port in use" },
    ]).view;
    expect(failed).toMatchObject({ status: "failed", message: "docker run failed: port in use", cols: 80, rows: 24 });
    const cancelled = replay([
      { type: "queued", position: 1 },
      { type: "cancelled", removedContainers: ["course-stop-optimized"] },
    ]).view;
    expect(cancelled).toMatchObject({ status: "cancelled", removedContainers: ["course-stop-optimized"] });
  });
});
