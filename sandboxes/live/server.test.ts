import net from "node:net";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CastSession } from "../recorder/cast";
import type { Bases } from "../recorder/bases";
import type { ScenarioName } from "@/lib/recordings/manifest-schema";
import type { ScenarioExecutor } from "./runs";
import { pollUntil } from "../recorder/kit";
import { MAX_STREAMS_PER_RUN, createLiveServer, parseArgs } from "./server";
import { readRun, startRun } from "./test-client";

/**
 * The live server's HTTP contract, with an executor that runs real (harmless) processes instead
 * of Docker: the queue, streaming, cancelling and the refusals. The Docker-backed test
 * (live.docker.test.ts) runs a real scenario through the same server.
 */
class ProcessExecutor implements ScenarioExecutor {
  /** The run ids cleanup was asked for, in order. */
  readonly cleanedUp: string[] = [];
  closed = false;
  title(name: ScenarioName) {
    return `test run of ${name}`;
  }
  async prepare(progress: (message: string) => void) {
    progress("nothing to build");
  }
  async run(name: ScenarioName, _runId: string, session: CastSession) {
    session.mark("start", "started", { container: "running" });
    // stop-naive stands for "a long run" here: it sleeps until cancelled; build-cache for a run that prints 8 MB.
    if (name === "build-cache")
      await session.exec("sh", ["-c", "yes 0123456789abcdef0123456789abcdef0123456789abcdef | head -c 8000000"], {
        display: "print 8 MB",
      });
    else await session.exec("sleep", [name === "stop-naive" ? "30" : "0.2"], { display: "sleep" });
    session.mark("exit", "exited", { container: "exited", exitCode: 0 });
    return { fake: true };
  }
  async cleanup(runId: string) {
    this.cleanedUp.push(runId);
    return ["course-test-container"];
  }
  async manifestContext(): Promise<{ bases: Bases; origin: "stand-in" }> {
    throw new Error("not used");
  }
  close() {
    this.closed = true;
  }
}

/** An event stream read up to its response head and then never again, like a client that stopped reading (raw TCP). */
function openStalledStream(
  port: number,
  id: string,
): Promise<{ status: number; socket: net.Socket; readToEnd: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(`GET /api/runs/${id}/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    });
    const received: Buffer[] = [];
    socket.once("data", (chunk: Buffer) => {
      socket.pause();
      received.push(chunk);
      const readToEnd = () =>
        new Promise<string>((done) => {
          socket.on("data", (more: Buffer) => received.push(more));
          socket.on("end", () => done(Buffer.concat(received).toString("utf8")));
          socket.resume();
        });
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString("latin1"))?.[1]), socket, readToEnd });
    });
    socket.on("error", reject);
  });
}

describe("the live demo server (no Docker)", () => {
  const executor = new ProcessExecutor();
  const live = createLiveServer({
    port: 0,
    saveDir: os.tmpdir(),
    allowedOrigins: [],
    executor,
    engineAvailable: async () => true,
    log: () => {},
  });
  let base = "";
  let port = 0;

  beforeAll(async () => {
    port = await live.listen();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => live.close());

  it("runs a named scenario and streams its output, markers and end", async () => {
    const started = await startRun(base, { scenario: "stop-optimized" });
    expect(started.status).toBe(202);
    const frames = await readRun(base, started.body.id!, 10_000);
    const types = frames.map((frame) => frame.event.type);
    expect(types[0]).toBe("queued");
    expect(types).toContain("started");
    expect(types.filter((type) => type === "marker")).toHaveLength(2);
    expect(types).toContain("output");
    expect(types.at(-1)).toBe("finished");
    expect(frames.map((frame) => frame.seq)).toEqual(frames.map((_, index) => index));
    const cast = await fetch(`${base}/api/runs/${started.body.id}/cast`);
    expect(cast.status).toBe(200);
    const [header, ...events] = (await cast.text()).trim().split("\n");
    expect(JSON.parse(header!)).toMatchObject({
      version: 2,
      width: 100,
      height: 30,
      title: "test run of stop-optimized",
    });
    expect(events.map((line) => JSON.parse(line)[1])).toContain("m");
  });

  it("resumes a stream after the last event a reconnecting client saw", async () => {
    const started = await startRun(base, { scenario: "zombies" });
    const all = await readRun(base, started.body.id!, 10_000);
    const response = await fetch(`${base}/api/runs/${started.body.id}/events`, {
      headers: { "last-event-id": String(all.length - 2) },
    });
    const text = await response.text();
    expect(text.match(/^id: /gm)).toHaveLength(1);
    expect(text).toContain('"finished"');
  });

  it("runs one at a time, shows the queue, and cancels a waiting and a running run", async () => {
    const long = await startRun(base, { scenario: "stop-naive" });
    const second = await startRun(base, { scenario: "sizes" });
    const third = await startRun(base, { scenario: "zombies" });
    const status = (await (await fetch(`${base}/api/status`)).json()) as {
      current: { scenario: string };
      waiting: { scenario: string; position: number }[];
    };
    expect(status.current.scenario).toBe("stop-naive");
    expect(status.waiting).toEqual([
      expect.objectContaining({ scenario: "sizes", position: 1 }),
      expect.objectContaining({ scenario: "zombies", position: 2 }),
    ]);

    expect((await fetch(`${base}/api/runs/${second.body.id}`, { method: "DELETE" })).status).toBe(202);
    const thirdFrames: string[] = [];
    const thirdDone = readRun(base, third.body.id!, 20_000, (frame) => {
      thirdFrames.push(frame.event.type === "queued" ? `queued ${frame.event.position}` : frame.event.type);
    });

    await new Promise((resolve) => setTimeout(resolve, 300));
    const cleanupsBefore = executor.cleanedUp.length;
    const cancelled = Date.now();
    expect((await fetch(`${base}/api/runs/${long.body.id}`, { method: "DELETE" })).status).toBe(202);
    const longFrames = await readRun(base, long.body.id!, 10_000);
    expect(Date.now() - cancelled).toBeLessThan(5_000);
    expect(longFrames.at(-1)?.event).toEqual({ type: "cancelled", removedContainers: ["course-test-container"] });
    expect(executor.cleanedUp.slice(cleanupsBefore)).toEqual([long.body.id]);

    await thirdDone;
    expect(thirdFrames).toEqual([
      "queued 2",
      "queued 1",
      "preparing",
      "preparing",
      "started",
      "marker",
      "output",
      "marker",
      "finished",
    ]);
    expect((await fetch(`${base}/api/runs/${long.body.id}`, { method: "DELETE" })).status).toBe(409);
  }, 30_000);

  it("refuses an unknown scenario, extra arguments and anything but JSON", async () => {
    expect(await startRun(base, { scenario: "alpine; rm -rf /" })).toEqual({
      status: 400,
      body: { error: expect.stringContaining('"scenario" must be one of') },
    });
    expect(await startRun(base, { scenario: "stop-optimized", args: ["--privileged"] })).toEqual({
      status: 400,
      body: { error: 'only "scenario" may be sent; refused: "args"' },
    });
    expect(await startRun(base, { scenario: "stop-optimized", image: "evil:latest", command: "sh" })).toMatchObject({
      status: 400,
    });
    const form = await fetch(`${base}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "scenario=stop-optimized",
    });
    expect(form.status).toBe(415);
    const huge = await fetch(`${base}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "x".repeat(5000) }),
    });
    expect(huge.status).toBe(413);
  });

  it("refuses other websites and other host names (DNS rebinding)", async () => {
    expect((await startRun(base, { scenario: "stop-optimized" }, { origin: "https://evil.example" })).status).toBe(403);
    const allowedPage = await fetch(`${base}/api/status`, { headers: { origin: "http://localhost:3000" } });
    expect(allowedPage.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const rebound = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () =>
        socket.write("GET /api/status HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n"),
      );
      let reply = "";
      socket.on("data", (chunk) => (reply += chunk));
      socket.on("end", () => resolve(reply));
      socket.on("error", reject);
    });
    expect(rebound).toMatch(/^HTTP\/1\.1 403/);
  });

  it("listens on loopback only: another interface of this machine cannot connect", async () => {
    expect(live.server.address()).toMatchObject({ address: "127.0.0.1" });
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;
    if (external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ port, host: external, timeout: 2000 }, () => {
          socket.destroy();
          resolve("connected");
        });
        socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
        socket.on("timeout", () => {
          socket.destroy();
          resolve("timeout");
        });
      });
      expect(outcome).toBe("ECONNREFUSED");
    }
    expect(() => parseArgs(["--host", "0.0.0.0"])).toThrow(/only listens on 127\.0\.0\.1/);
  });

  it("without a Docker engine it says so and refuses runs, so the page falls back to the recording", async () => {
    const engineless = createLiveServer({
      port: 0,
      saveDir: os.tmpdir(),
      allowedOrigins: [],
      executor,
      engineAvailable: async () => false,
      log: () => {},
    });
    const enginelessBase = `http://127.0.0.1:${await engineless.listen()}`;
    try {
      expect(await (await fetch(`${enginelessBase}/api/status`)).json()).toMatchObject({ engine: false });
      expect(await startRun(enginelessBase, { scenario: "stop-optimized" })).toEqual({
        status: 503,
        body: { error: "no Docker engine is reachable from the live server" },
      });
    } finally {
      await engineless.close();
    }
  });
  it("an idle server removes nothing when it closes, and frees what its executor holds", async () => {
    const own = new ProcessExecutor();
    const idle = createLiveServer({
      port: 0,
      saveDir: os.tmpdir(),
      allowedOrigins: [],
      executor: own,
      engineAvailable: async () => true,
      log: () => {},
    });
    await idle.listen();
    expect(await idle.close()).toEqual([]);
    expect(own.cleanedUp).toEqual([]);
    expect(own.closed).toBe(true);
  });

  it("holds back what a client does not read instead of queueing the whole run for it, caps the streams per run, and the client resumes where it stopped", async () => {
    const serverSockets: net.Socket[] = [];
    live.server.on("connection", (socket: net.Socket) => serverSockets.push(socket));
    const { body } = await startRun(base, { scenario: "build-cache" });
    const clients = await Promise.all(Array.from({ length: 20 }, () => openStalledStream(port, body.id!)));
    try {
      expect(await pollUntil(() => live.queue.get(body.id!)?.status === "finished", 300, 100)).toBe(true);
      // The run printed 8 MB: a client that reads nothing is held to about its socket's buffer.
      const mostBuffered = Math.max(...serverSockets.map((socket) => socket.writableLength));
      expect(mostBuffered).toBeLessThan(1_000_000);
      expect(clients.filter((client) => client.status === 200)).toHaveLength(MAX_STREAMS_PER_RUN);
      expect(clients.filter((client) => client.status === 429)).toHaveLength(20 - MAX_STREAMS_PER_RUN);

      const text = await clients.find((client) => client.status === 200)!.readToEnd();
      const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
      expect(ids).toEqual(ids.map((_, index) => index));
      expect(ids.length).toBe(live.queue.get(body.id!)!.frames.length);
      expect(text).toContain('"type":"finished"');
    } finally {
      for (const client of clients) client.socket.destroy();
    }
    // Streams that ended, or whose client left, give their place back.
    for (let reader = 0; reader <= MAX_STREAMS_PER_RUN; reader++)
      expect((await readRun(base, body.id!, 10_000)).at(-1)?.event.type).toBe("finished");
  }, 60_000);
});
