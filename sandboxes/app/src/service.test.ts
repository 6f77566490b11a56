import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp, MAX_CONCURRENT_ORPHAN_LAUNCHES, type ServiceState } from "./app.js";
import { readConfig } from "./config.js";
import type { Dependencies } from "./dependencies.js";
import { createShutdown } from "./shutdown.js";

vi.spyOn(console, "log").mockImplementation(() => {});

function fakeDependencies(overrides: Partial<Dependencies> = {}): Dependencies & { closed: number } {
  const dependencies = {
    closed: 0,
    describe: () => "fake",
    check: async () => {},
    close: async () => {
      dependencies.closed++;
    },
    ...overrides,
  };
  return dependencies;
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function start(
  options: {
    delayMs?: number;
    dependencies?: Dependencies;
    timeoutMs?: number;
    readinessDelayMs?: number;
    spawnOrphanLauncher?: () => ChildProcess;
  } = {},
) {
  const state: ServiceState = { shuttingDown: false };
  const dependencies = options.dependencies ?? fakeDependencies();
  const app = createApp({
    requestDelayMs: options.delayMs ?? 200,
    dependencies,
    state,
    spawnOrphanLauncher: options.spawnOrphanLauncher,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  servers.push(server);
  const exits: number[] = [];
  const shutdown = createShutdown({
    server,
    state,
    dependencies,
    readinessDelayMs: options.readinessDelayMs ?? 0,
    timeoutMs: options.timeoutMs ?? 2000,
    exit: (code) => exits.push(code),
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, shutdown, exits };
}

describe("demo service", () => {
  it("is healthy until shutdown starts, then answers 503 to new connections during the readiness delay", async () => {
    const { url, shutdown, exits } = await start({ readinessDelayMs: 300 });
    const before = await fetch(`${url}/healthz`);
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ status: "ok" });
    shutdown("SIGTERM");
    const during = await fetch(`${url}/healthz`, { headers: { connection: "close" } });
    expect(during.status).toBe(503);
    expect(await during.json()).toEqual({ status: "shutting_down" });
    expect(exits).toEqual([]);
    await vi.waitFor(() => expect(exits).toEqual([0]));
    await expect(fetch(`${url}/healthz`, { headers: { connection: "close" } })).rejects.toThrow();
  });

  it("takes the configured time for GET /, and a query can make it longer", async () => {
    const { url } = await start({ delayMs: 100 });
    let started = Date.now();
    const body = (await (await fetch(`${url}/`)).json()) as { tookMs: number };
    expect(body.tookMs).toBe(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    started = Date.now();
    expect(((await (await fetch(`${url}/?delay=300`)).json()) as { tookMs: number }).tookMs).toBe(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(295);
  });

  it("lets an in-flight request finish, then closes dependencies and exits 0", async () => {
    const dependencies = fakeDependencies();
    const { url, shutdown, exits } = await start({ dependencies });
    const inFlight = fetch(`${url}/?delay=400`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    shutdown("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(dependencies.closed).toBe(1);
  });

  it("refuses new connections once draining has begun", async () => {
    const { url, shutdown } = await start();
    const inFlight = fetch(`${url}/?delay=400`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    shutdown("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 50)); // past the (zero) readiness delay
    await expect(fetch(`${url}/`, { headers: { connection: "close" } })).rejects.toThrow();
    await inFlight;
  });

  it("forces exit 1 from the safety timer when a request outlives it", async () => {
    const { url, shutdown, exits } = await start({ timeoutMs: 150 });
    const stuck = fetch(`${url}/?delay=1000`).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    shutdown("SIGTERM");
    await vi.waitFor(() => expect(exits).toEqual([1]), { timeout: 1000 });
    await stuck;
  });

  it("ignores a second signal while already shutting down", async () => {
    const dependencies = fakeDependencies();
    const { shutdown, exits } = await start({ dependencies });
    shutdown("SIGTERM");
    shutdown("SIGINT");
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(dependencies.closed).toBe(1);
  });

  it("reports 503 while a configured dependency does not answer", async () => {
    const { url } = await start({
      dependencies: fakeDependencies({ check: async () => Promise.reject(new Error("ECONNREFUSED")) }),
    });
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { status: string }).status).toBe("dependencies_unavailable");
  });
});

describe("POST /orphan", () => {
  it("answers 202 once the real launcher has left its orphan behind (the recordings count these)", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/orphan`, { method: "POST" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ orphan: "started" });
  });

  // A missing executable fails the way a process limit (EAGAIN) does: spawn emits "error".
  it("answers 503 and keeps serving when the launcher cannot be spawned", async () => {
    const { url } = await start({
      spawnOrphanLauncher: () => spawn("/nonexistent/orphan-launcher", [], { stdio: "ignore" }),
    });
    const response = await fetch(`${url}/orphan`, { method: "POST" });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ orphan: "not_started", detail: expect.stringContaining("ENOENT") });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("answers 503 when the launcher runs but fails to start the orphan", async () => {
    const { url } = await start({
      spawnOrphanLauncher: () => spawn(process.execPath, ["-e", "process.exit(1)"], { stdio: "ignore" }),
    });
    const response = await fetch(`${url}/orphan`, { method: "POST" });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ orphan: "not_started", detail: "the launcher exited with code 1" });
  });

  it("answers 503 while the most launches allowed are in progress, and 202 again once they end", async () => {
    let launched = 0;
    const { url } = await start({
      spawnOrphanLauncher: () => {
        launched++;
        return spawn(process.execPath, ["-e", "setTimeout(() => {}, 500)"], { stdio: "ignore" });
      },
    });
    const post = () => fetch(`${url}/orphan`, { method: "POST" });
    const inProgress = Array.from({ length: MAX_CONCURRENT_ORPHAN_LAUNCHES }, post);
    await vi.waitFor(() => expect(launched).toBe(MAX_CONCURRENT_ORPHAN_LAUNCHES));
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(launched).toBe(MAX_CONCURRENT_ORPHAN_LAUNCHES);
    expect((await Promise.all(inProgress)).map((response) => response.status)).toEqual(
      Array(MAX_CONCURRENT_ORPHAN_LAUNCHES).fill(202),
    );
    expect((await post()).status).toBe(202);
  }, 10_000); // six node processes start one after another; slow on a busy machine
});

describe("configuration", () => {
  it("defaults to port 3000, a 1 s request, handlers on, a 2 s readiness delay and an 8 s safety timer", () => {
    expect(readConfig({})).toEqual({
      port: 3000,
      requestDelayMs: 1000,
      handleSignals: true,
      readinessDelayMs: 2000,
      shutdownTimeoutMs: 8000,
      databaseUrl: undefined,
      redisUrl: undefined,
    });
  });

  it("can run without signal handlers for the comparison, and rejects nonsense numbers", () => {
    expect(readConfig({ HANDLE_SIGNALS: "false" }).handleSignals).toBe(false);
    expect(() => readConfig({ REQUEST_DELAY_MS: "soon" })).toThrow(
      'REQUEST_DELAY_MS must be a whole number of milliseconds, got "soon"',
    );
  });
});
