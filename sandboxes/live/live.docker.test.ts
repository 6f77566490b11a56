import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAsciicast } from "../../lib/asciicast/parse";
import type { LiveFrame } from "../../lib/live/events";
import { docker, engineReachable } from "../recorder/docker";
import { parseManifest } from "../recorder/manifest-schema";
import { readRun, startLiveServerProcess, startRun } from "./test-client";

/**
 * `npm run demo:live` for real: the server process runs scenarios on the Docker engine, streams
 * them, cancels and cleans up, and leaves nothing running when it gets SIGTERM. Under CI=true a
 * missing engine is a failure; elsewhere these tests are skipped and counted loudly.
 */
const hasEngine = engineReachable();
const TEST_COUNT = 4;
if (!hasEngine && process.env.CI === "true") throw new Error("CI=true but no Docker engine is reachable: the live-server Docker tests must run in CI.");
if (!hasEngine) console.warn(`\n*** SKIPPED ${TEST_COUNT} Docker-backed live-server tests: no Docker engine is reachable. ***\n`);

const leftoverContainers = () => docker(["ps", "-a", "--filter", "name=^course-", "--format", "{{.Names}}"]).stdout.trim();
const markers = (frames: LiveFrame[]) => frames.flatMap((frame) => (frame.event.type === "marker" ? [frame.event.event] : []));

async function waitForMarker(base: string, id: string, kind: string, timeoutMs: number): Promise<void> {
  const frames = await readRun(base, id, timeoutMs, (frame) => frame.event.type === "marker" && frame.event.event.kind === kind);
  expect(markers(frames).map((marker) => marker.kind)).toContain(kind);
}

describe.skipIf(!hasEngine)("npm run demo:live on a real Docker engine", () => {
  const saveDir = mkdtempSync(path.join(os.tmpdir(), "course-live-save-"));
  let server: Awaited<ReturnType<typeof startLiveServerProcess>>;

  beforeAll(async () => {
    server = await startLiveServerProcess(saveDir);
  }, 40_000);
  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
  });

  it("streams stop-optimized as it happens: markers arrive in order and the clean exit is recorded", async () => {
    const started = await startRun(server.base, { scenario: "stop-optimized" });
    expect(started.status).toBe(202);
    const frames = await readRun(server.base, started.body.id!, 900_000);
    expect(frames.at(-1)?.event.type).toBe("finished");
    const seen = markers(frames);
    const kinds = seen.map((marker) => marker.kind);
    for (const kind of ["start", "ready", "request-start", "sigterm", "healthz", "exit", "request-end"]) expect(kinds).toContain(kind);
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
    expect(manifest.scenarios["stop-optimized"].events.map((event) => event.label)).toEqual(seen.map((marker) => marker.label));
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
    expect(leftoverContainers()).toBe("");
  }, 200_000);

  it("refuses a request naming an unknown scenario or carrying extra arguments", async () => {
    expect((await startRun(server.base, { scenario: "ubuntu" })).status).toBe(400);
    expect((await startRun(server.base, { scenario: "stop-naive", args: ["-v", "/:/host"] })).status).toBe(400);
    const status = (await (await fetch(`${server.base}/api/status`)).json()) as { current: unknown; waiting: unknown[] };
    expect(status).toMatchObject({ current: null, waiting: [] });
  });

  it("on SIGTERM mid-run it cancels, removes the containers and exits 0", async () => {
    const started = await startRun(server.base, { scenario: "stop-naive" });
    await waitForMarker(server.base, started.body.id!, "start", 120_000);
    const exited = new Promise<number | null>((resolve) => server.child.on("exit", (code) => resolve(code)));
    server.child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running after 45 s"), 45_000))]);
    expect(code, server.output()).toBe(0);
    expect(server.output()).toMatch(/stopped; removed course-stop-naive/);
    expect(leftoverContainers()).toBe("");
  }, 200_000);
});
