import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { pollUntil, sleep } from "../recorder/kit";
import { processExists } from "./executor";
import { readRun, startLiveServerProcess, startRun, terminate, type LiveServerProcess } from "./test-client";
import { KNOWN_NODE_BINARIES, NODE_VERSION } from "../recorder/bases";

/**
 * `npm run demo:live` against a fake `docker` (DOCKER_BIN): an engine that answers slowly or never,
 * and image builds that never finish. The faults are injected, so no engine is needed.
 */
const FAKE_DOCKER = `#!/bin/sh
# Stands in for the docker CLI (tests only). Every call is logged as "<pid> <arguments>".
echo "$$ $*" >> "$(dirname "$0")/calls.log"
case "$FAKE_ENGINE:$1" in
  hung:*) exec sleep 600 ;;
  slow:version) sleep 6 ;;
  *:build) exec sleep 600 ;;
esac
case "$1" in
  version) echo 20.10.0 ;;
  image) echo sha256:0000000000000000000000000000000000000000000000000000000000000000 ;;
  # The bases' node hashes its own binary at every run: answer with the pinned hash.
  run) echo ${KNOWN_NODE_BINARIES[NODE_VERSION]} ;;
esac
`;

type Engine = "answers" | "slow" | "hung";

/** A fake docker and a TMPDIR of its own, so the server's work folders can be seen. */
function fakeDocker(engine: Engine) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "course-fake-docker-"));
  const bin = path.join(dir, "docker");
  writeFileSync(bin, FAKE_DOCKER);
  chmodSync(bin, 0o755);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "course-fake-tmp-"));
  const calls = () => {
    const log = path.join(dir, "calls.log");
    if (!existsSync(log)) return [];
    return readFileSync(log, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => ({ pid: Number(line.split(" ")[0]), args: line.split(" ").slice(1).join(" ") }));
  };
  const builds = () => calls().filter((call) => call.args.startsWith("build "));
  const workFolders = () => readdirSync(tmp).filter((name) => name.startsWith("course-live-"));
  const remove = () => [dir, tmp].forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  return { env: { DOCKER_BIN: bin, FAKE_ENGINE: engine, TMPDIR: tmp }, calls, builds, workFolders, tmp, remove };
}

describe("npm run demo:live with a slow, hung or mid-build engine (a fake docker)", () => {
  const saveDir = mkdtempSync(path.join(os.tmpdir(), "course-live-save-"));
  afterAll(() => rmSync(saveDir, { recursive: true, force: true }));
  let server: LiveServerProcess | undefined;
  let fake: ReturnType<typeof fakeDocker> | undefined;

  afterEach(() => {
    // Whatever a failing test left: the server process and every fake docker call still sleeping.
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
    for (const { pid } of fake?.calls() ?? []) if (processExists(pid)) process.kill(pid, "SIGKILL");
    fake?.remove();
    server = undefined;
    fake = undefined;
  });

  it("cancelling while an image builds kills the build, starts no further image and ends the run as cancelled within seconds", async () => {
    fake = fakeDocker("answers");
    server = await startLiveServerProcess(saveDir, fake.env);
    const { body } = await startRun(server.base, { scenario: "stop-naive" });
    expect(await pollUntil(() => fake!.builds().length > 0, 100, 100), server.output()).toBe(true);
    const build = fake.builds()[0]!;

    const cancelledAt = Date.now();
    expect((await fetch(`${server.base}/api/runs/${body.id}`, { method: "DELETE" })).status).toBe(202);
    const frames = await readRun(server.base, body.id!, 8_000).catch(() => []);
    expect(frames.at(-1)?.event.type, server.output()).toBe("cancelled");
    expect(Date.now() - cancelledAt).toBeLessThan(5_000);
    expect(await pollUntil(() => !processExists(build.pid), 20, 100), "the docker build is still running").toBe(true);
    await sleep(1_500);
    expect(fake.builds(), "a build started after the cancel").toHaveLength(1);
  }, 40_000);

  it("SIGTERM while an image builds kills the build and exits 0 within seconds", async () => {
    fake = fakeDocker("answers");
    server = await startLiveServerProcess(saveDir, fake.env);
    await startRun(server.base, { scenario: "stop-naive" });
    expect(await pollUntil(() => fake!.builds().length > 0, 100, 100), server.output()).toBe(true);
    const build = fake.builds()[0]!;

    const sentAt = Date.now();
    expect(await terminate(server, 10_000), server.output()).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(await pollUntil(() => !processExists(build.pid), 20, 100), "the docker build is still running").toBe(true);
  }, 40_000);

  it("a slow engine holds up no other request: a 404 answers at once while a status request waits on the engine", async () => {
    fake = fakeDocker("slow");
    server = await startLiveServerProcess(saveDir, fake.env);
    const statusAskedAt = Date.now();
    const status = fetch(`${server.base}/api/status`).then(
      (response) => response.json() as Promise<{ engine: boolean }>,
    );
    await sleep(300);
    const askedAt = Date.now();
    const notFound = await fetch(`${server.base}/api/runs/00000000-0000-4000-8000-000000000000`);
    expect(notFound.status).toBe(404);
    expect(Date.now() - askedAt).toBeLessThan(1_000);
    // The presenter gives a status request 5 s: an engine slower than that is reported unreachable in time.
    expect(await status).toMatchObject({ engine: false });
    expect(Date.now() - statusAskedAt).toBeLessThan(4_500);
  }, 60_000);

  it("a hung engine: status and run requests say it is unreachable within seconds, and SIGTERM exits at once", async () => {
    fake = fakeDocker("hung");
    server = await startLiveServerProcess(saveDir, fake.env);
    const askedAt = Date.now();
    expect(await (await fetch(`${server.base}/api/status`)).json()).toMatchObject({ engine: false });
    expect(Date.now() - askedAt).toBeLessThan(4_500);
    expect(await startRun(server.base, { scenario: "stop-naive" })).toEqual({
      status: 503,
      body: { error: "no Docker engine is reachable from the live server" },
    });

    const sentAt = Date.now();
    expect(await terminate(server, 10_000), server.output()).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(3_000);
  }, 60_000);

  it("leaves no work folder behind, neither from an idle start nor from a run that copied the app and its .env into it", async () => {
    fake = fakeDocker("answers");
    server = await startLiveServerProcess(saveDir, fake.env);
    expect(await terminate(server, 10_000), server.output()).toBe(0);
    expect(fake.workFolders()).toEqual([]);

    server = await startLiveServerProcess(saveDir, fake.env);
    await startRun(server.base, { scenario: "stop-naive" });
    expect(await pollUntil(() => fake!.builds().length > 0, 100, 100), server.output()).toBe(true);
    const [folder] = fake.workFolders();
    expect(existsSync(path.join(fake.tmp, folder!, "naive-context", ".env"))).toBe(true);
    expect(await terminate(server, 10_000), server.output()).toBe(0);
    expect(fake.workFolders()).toEqual([]);
  }, 60_000);
});
