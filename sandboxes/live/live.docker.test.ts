import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAsciicast } from "@/lib/asciicast/parse";
import type { LiveFrame } from "@/lib/live/events";
import { docker, engineReachable } from "../recorder/docker";
import { IMAGE_TAGS } from "../recorder/images";
import { pollUntil } from "../recorder/kit";
import { parseManifest } from "@/lib/recordings/manifest-schema";
import {
  descendants,
  readRun,
  startLiveServerProcess,
  startRun,
  terminate,
  type LiveServerProcess,
} from "./test-client";

/**
 * `npm run demo:live` for real: the server process runs scenarios on the Docker engine, streams
 * them, cancels and cleans up, and leaves nothing running when it gets SIGTERM. Under CI=true a
 * missing engine is a failure; elsewhere these tests are skipped and counted loudly.
 */
const hasEngine = engineReachable();
const TEST_COUNT = 8;
if (!hasEngine && process.env.CI === "true")
  throw new Error("CI=true but no Docker engine is reachable: the live-server Docker tests must run in CI.");
if (!hasEngine)
  console.warn(`\n*** SKIPPED ${TEST_COUNT} Docker-backed live-server tests: no Docker engine is reachable. ***\n`);

/** The containers that carry a run's label: everything the run created that is still there. */
const runContainers = (runId: string) =>
  docker(["ps", "-a", "--filter", `label=course.run=${runId}`, "--format", "{{.Names}}"])
    .stdout.split("\n")
    .filter(Boolean);
const containerExists = (name: string) => docker(["container", "inspect", name], { allowFailure: true }).code === 0;
/** Stops a server the way a person would (SIGTERM, so it cleans up and removes its work folder); SIGKILL only if that hangs. */
async function stop(server: LiveServerProcess): Promise<void> {
  if (typeof (await terminate(server, 30_000)) === "string") server.child.kill("SIGKILL");
}

/** The commands a live server process is running (not tsx's esbuild service). */
const commandsOf = (server: LiveServerProcess) =>
  descendants(server.child.pid!).filter((entry) =>
    ["docker", "docker-compose", "curl", "sh"].includes(path.basename(entry.args.split(" ")[0]!)),
  );

const markers = (frames: LiveFrame[]) =>
  frames.flatMap((frame) => (frame.event.type === "marker" ? [frame.event.event] : []));

async function waitForMarker(base: string, id: string, kind: string, timeoutMs: number): Promise<void> {
  const frames = await readRun(
    base,
    id,
    timeoutMs,
    (frame) => frame.event.type === "marker" && frame.event.event.kind === kind,
  );
  expect(markers(frames).map((marker) => marker.kind)).toContain(kind);
}

describe.skipIf(!hasEngine)("npm run demo:live on a real Docker engine", () => {
  const saveDir = mkdtempSync(path.join(os.tmpdir(), "course-live-save-"));
  let server: LiveServerProcess;

  beforeAll(async () => {
    server = await startLiveServerProcess(saveDir);
  }, 40_000);
  afterAll(async () => {
    if (server) await stop(server);
    rmSync(saveDir, { recursive: true, force: true });
  }, 40_000);

  it("streams stop-optimized as it happens: markers arrive in order and the clean exit is recorded", async () => {
    const started = await startRun(server.base, { scenario: "stop-optimized" });
    expect(started.status).toBe(202);
    const frames = await readRun(server.base, started.body.id!, 900_000);
    expect(frames.at(-1)?.event.type).toBe("finished");
    const seen = markers(frames);
    const kinds = seen.map((marker) => marker.kind);
    for (const kind of ["start", "ready", "request-start", "sigterm", "healthz", "exit", "request-end"])
      expect(kinds).toContain(kind);
    expect(kinds.indexOf("sigterm")).toBeLessThan(kinds.indexOf("exit"));
    expect(seen.find((marker) => marker.kind === "exit")?.state).toMatchObject({ container: "exited", exitCode: 0 });
    expect(seen.find((marker) => marker.kind === "request-end")?.state).toEqual({ inflight: "completed" });
    const text = frames.flatMap((frame) => (frame.event.type === "output" ? [frame.event.data] : [])).join("");
    expect(text).toContain("docker stop course-stop-optimized");
    expect(text).toMatch(/received SIGTERM/);

    // Saved in the recorder's format: a valid cast and a complete, valid manifest.
    const saved = await fetch(`${server.base}/api/runs/${started.body.id}/save`, { method: "POST" });
    expect(saved.status).toBe(201);
    const manifest = parseManifest(JSON.parse(readFileSync(path.join(saveDir, "manifest.json"), "utf8")));
    expect(manifest.scenarios["stop-optimized"].events.map((event) => event.label)).toEqual(
      seen.map((marker) => marker.label),
    );
    expect(manifest.scenarios["stop-optimized"].facts).toMatchObject({ exitCode: 0, inflightOutcome: "completed" });
    const cast = parseAsciicast(readFileSync(path.join(saveDir, "stop-optimized.cast"), "utf8"));
    expect(cast.markers.map((marker) => marker.label)).toEqual(seen.map((marker) => marker.label));
  }, 960_000);

  it("cancels a running scenario and removes its container", async () => {
    const started = await startRun(server.base, { scenario: "health-flip" });
    await waitForMarker(server.base, started.body.id!, "ready", 120_000);
    expect((await fetch(`${server.base}/api/runs/${started.body.id}`, { method: "DELETE" })).status).toBe(202);
    const frames = await readRun(server.base, started.body.id!, 60_000);
    expect(frames.at(-1)?.event).toEqual({ type: "cancelled", removedContainers: ["course-health-flip"] });
    expect(runContainers(started.body.id!)).toEqual([]);
  }, 200_000);

  it("cancelling compose-up removes the stack that run created, found by its label: containers, network and volume", async () => {
    const started = await startRun(server.base, { scenario: "compose-up" });
    const id = started.body.id!;
    await waitForMarker(server.base, id, "app-ready", 300_000);
    const labelled = (kind: "network" | "volume") =>
      docker([kind, "ls", "-q", "--filter", `label=course.run=${id}`])
        .stdout.split("\n")
        .filter(Boolean);
    expect(runContainers(id)).toHaveLength(3);
    expect(labelled("network")).toHaveLength(1);
    expect(labelled("volume")).toHaveLength(1);
    expect((await fetch(`${server.base}/api/runs/${id}`, { method: "DELETE" })).status).toBe(202);
    const frames = await readRun(server.base, id, 60_000);
    expect(frames.at(-1)?.event.type).toBe("cancelled");
    expect(runContainers(id)).toEqual([]);
    expect(labelled("network")).toEqual([]);
    expect(labelled("volume")).toEqual([]);
  }, 400_000);

  it("refuses a request naming an unknown scenario or carrying extra arguments", async () => {
    expect((await startRun(server.base, { scenario: "ubuntu" })).status).toBe(400);
    expect((await startRun(server.base, { scenario: "stop-naive", args: ["-v", "/:/host"] })).status).toBe(400);
    const status = (await (await fetch(`${server.base}/api/status`)).json()) as {
      current: unknown;
      waiting: unknown[];
    };
    expect(status).toMatchObject({ current: null, waiting: [] });
  });

  it("removes only what its own runs created: someone else's course- container survives a cancelled run and an idle SIGTERM", async () => {
    const bystander = "course-live-test-bystander";
    docker(["rm", "-f", bystander], { allowFailure: true });
    docker(["create", "--name", bystander, IMAGE_TAGS.optimized]);
    const own = await startLiveServerProcess(saveDir);
    try {
      const started = await startRun(own.base, { scenario: "stop-naive" });
      await waitForMarker(own.base, started.body.id!, "start", 300_000);
      expect(runContainers(started.body.id!), "the run's container carries the run's label").toEqual([
        "course-stop-naive",
      ]);
      expect((await fetch(`${own.base}/api/runs/${started.body.id}`, { method: "DELETE" })).status).toBe(202);
      const frames = await readRun(own.base, started.body.id!, 60_000);
      expect(frames.at(-1)?.event).toEqual({ type: "cancelled", removedContainers: ["course-stop-naive"] });
      expect(containerExists(bystander), "a cancelled run removed a container it did not create").toBe(true);

      expect(await terminate(own, 45_000), own.output()).toBe(0);
      expect(own.output()).toMatch(/stopped; removed no containers/);
      expect(containerExists(bystander), "an idle server removed a container on SIGTERM").toBe(true);
    } finally {
      await stop(own);
      docker(["rm", "-f", bystander], { allowFailure: true });
    }
  }, 400_000);

  it("on start it removes what a crashed live server left, says so, and leaves a running server's containers alone", async () => {
    // Its own TMPDIR: a crashed server cannot remove its work folder, so the test does.
    const crashTmp = mkdtempSync(path.join(os.tmpdir(), "course-live-crash-"));
    const crashed = await startLiveServerProcess(saveDir, { TMPDIR: crashTmp });
    const started = await startRun(crashed.base, { scenario: "stop-naive" });
    await waitForMarker(crashed.base, started.body.id!, "start", 300_000);
    // A crash: the server process dies without a chance to clean up (SIGKILL cannot be handled).
    crashed.child.kill("SIGKILL");
    expect(runContainers(started.body.id!), "the crashed run's container carries the run's label").toEqual([
      "course-stop-naive",
    ]);

    // What a live server that is still running created (this test process stands for that server).
    const running = "course-live-test-running-server";
    docker(["rm", "-f", running], { allowFailure: true });
    docker([
      "create",
      "--name",
      running,
      "--label",
      `course.live-server=${os.hostname()}:${process.pid}`,
      "--label",
      "course.run=test",
      IMAGE_TAGS.optimized,
    ]);
    const next = await startLiveServerProcess(saveDir);
    try {
      const said = await pollUntil(
        () => /removed course-stop-naive, left by a live server that stopped without cleaning up/.test(next.output()),
        100,
        200,
      );
      expect(said, next.output()).toBe(true);
      expect(runContainers(started.body.id!)).toEqual([]);
      expect(containerExists(running), "it removed a running server's container").toBe(true);
    } finally {
      await stop(next);
      docker(["rm", "-f", running], { allowFailure: true });
      rmSync(crashTmp, { recursive: true, force: true });
    }
  }, 400_000);

  it("a run cancelled at any moment ends as cancelled within seconds, with none of its containers or commands left", async () => {
    const own = await startLiveServerProcess(saveDir);
    try {
      // At once (queued, then building the images), then at each step of stop-optimized.
      for (const moment of ["at once", "started", "start", "ready", "request-start", "sigterm"]) {
        const started = await startRun(own.base, { scenario: "stop-optimized" });
        const id = started.body.id!;
        if (moment !== "at once") {
          await readRun(
            own.base,
            id,
            300_000,
            (frame) =>
              frame.event.type === moment || (frame.event.type === "marker" && frame.event.event.kind === moment),
          );
        }
        const cancelledAt = Date.now();
        expect((await fetch(`${own.base}/api/runs/${id}`, { method: "DELETE" })).status, moment).toBe(202);
        const frames = await readRun(own.base, id, 30_000).catch(() => []);
        expect(frames.at(-1)?.event.type, `${moment}: ${own.output()}`).toBe("cancelled");
        expect(Date.now() - cancelledAt, moment).toBeLessThan(5_000);
        expect(runContainers(id), moment).toEqual([]);
        expect(
          await pollUntil(() => commandsOf(own).length === 0, 30, 100),
          `${moment}: ${JSON.stringify(commandsOf(own))}`,
        ).toBe(true);
      }
    } finally {
      await stop(own);
    }
  }, 900_000);

  it("on SIGTERM mid-run it cancels, removes the containers and exits 0", async () => {
    const started = await startRun(server.base, { scenario: "stop-naive" });
    await waitForMarker(server.base, started.body.id!, "start", 120_000);
    expect(await terminate(server, 45_000), server.output()).toBe(0);
    expect(server.output()).toMatch(/stopped; removed course-stop-naive/);
    expect(runContainers(started.body.id!)).toEqual([]);
  }, 200_000);
});
