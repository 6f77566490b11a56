/**
 * npm run demo:live [-- --port <port>] [--save-to <dir>] [--allow-origin <origin>]... [--bases stand-in|official]
 *
 * A small HTTP server on 127.0.0.1 (port DEFAULT_LIVE_PORT of lib/live/events.ts unless --port says
 * otherwise) that runs the recorder's named scenarios on this machine's Docker engine and streams
 * them, as they happen, to the presenter page (server-sent events).
 * One run at a time; runs can be cancelled; SIGINT/SIGTERM cancel, clean up and exit. What a run
 * creates carries its labels, so cleanup removes that and nothing else (see executor.ts).
 */
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { DEFAULT_LIVE_PORT, LIVE_HOST, TERMINAL_EVENTS } from "@/lib/live/events";
import { SCENARIO_NAMES } from "@/lib/recordings/manifest-schema";
import { SANDBOXES_DIR } from "../recorder/bases";
import { probeEngine } from "../recorder/docker";
import { DEFAULT_RECORDINGS_DIR, writeCast, writeManifest } from "../recorder/record";
import { SCENARIOS } from "../recorder/scenarios";
import { DockerExecutor } from "./executor";
import {
  firstFrameToSend,
  isLoopbackHost,
  originAllowed,
  parseRunRequest,
  readBody,
  refusedRemotePeer,
  sendJson,
} from "./guard";
import { QueueFullError, RunQueue, type LiveRun, type ScenarioExecutor } from "./runs";

export const DEFAULT_SAVE_DIR = path.join(SANDBOXES_DIR, "live-recordings");
const MAX_BODY_BYTES = 1024;
/** Event streams one run may have open at once: a presenter needs a few, and each holds a socket. */
export const MAX_STREAMS_PER_RUN = 10;
/** A client whose socket stays full this long is dropped; its EventSource reconnects and resumes (Last-Event-ID). */
const STALLED_STREAM_MS = 60_000;

export interface LiveServerOptions {
  port: number;
  saveDir: string;
  allowedOrigins: string[];
  executor: ScenarioExecutor;
  engineAvailable?: () => Promise<boolean>;
  log?: (message: string) => void;
}

/**
 * Asks the engine at most once per `maxAgeMs`, so status polls and run requests share one probe;
 * the probe is bounded in time, so a slow or hung engine reads as unreachable instead of holding
 * up the answer.
 */
function cachedEngineProbe(maxAgeMs = 5_000): () => Promise<boolean> {
  let last: { askedAt: number; answer: Promise<boolean> } | undefined;
  return () => {
    if (!last || Date.now() - last.askedAt > maxAgeMs) last = { askedAt: Date.now(), answer: probeEngine() };
    return last.answer;
  };
}

export function createLiveServer(options: LiveServerOptions) {
  const log = options.log ?? ((message: string) => console.log(`[live] ${message}`));
  const queue = new RunQueue(options.executor, log);
  const engineAvailable = options.engineAvailable ?? cachedEngineProbe();
  const openStreams = new Map<string, number>();
  let port = options.port;

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: "the live server hit an error; see its terminal" });
      else response.end();
    });
  });

  function cors(request: http.IncomingMessage): Record<string, string> {
    const origin = request.headers.origin;
    return origin ? { "access-control-allow-origin": origin, vary: "Origin" } : {};
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (refusedRemotePeer(request, response, log)) return;
    if (!isLoopbackHost(request.headers.host, port))
      return sendJson(response, 403, { error: `Host must be 127.0.0.1:${port} or localhost:${port}` });
    if (!originAllowed(request.headers.origin, options.allowedOrigins)) {
      return sendJson(response, 403, {
        error: `pages from ${request.headers.origin} may not drive the live server (start it with --allow-origin ${request.headers.origin})`,
      });
    }
    const headers = cors(request);
    const url = new URL(request.url ?? "/", `http://${LIVE_HOST}:${port}`);
    const runPath = /^\/api\/runs\/([0-9a-f-]{36})(\/events|\/cast|\/save)?$/.exec(url.pathname);

    if (request.method === "OPTIONS") {
      // Chrome asks before a public https page (an --allow-origin site) may call a loopback address.
      const privateNetwork =
        request.headers["access-control-request-private-network"] === "true"
          ? { "access-control-allow-private-network": "true" }
          : {};
      response.writeHead(204, {
        ...headers,
        ...privateNetwork,
        "access-control-allow-methods": "GET, POST, DELETE",
        "access-control-allow-headers": "content-type, last-event-id",
        "access-control-max-age": "600",
      });
      return void response.end();
    }
    if (request.method === "GET" && url.pathname === "/api/status") {
      return sendJson(
        response,
        200,
        {
          engine: await engineAvailable(),
          scenarios: SCENARIO_NAMES.map((name) => ({ name, title: SCENARIOS[name].title })),
          ...queue.snapshot(),
        },
        headers,
      );
    }
    if (request.method === "POST" && url.pathname === "/api/runs") {
      if (!/^application\/json\b/.test(request.headers["content-type"] ?? ""))
        return sendJson(response, 415, { error: "send JSON (content-type: application/json)" }, headers);
      const body = await readBody(request, MAX_BODY_BYTES);
      if (body === undefined) return sendJson(response, 413, { error: "the request is too large" }, headers);
      const parsed = parseRunRequest(body);
      if (!parsed.ok) return sendJson(response, 400, { error: parsed.message }, headers);
      if (!(await engineAvailable()))
        return sendJson(response, 503, { error: "no Docker engine is reachable from the live server" }, headers);
      try {
        const run = queue.enqueue(parsed.scenario);
        return sendJson(response, 202, { id: run.id, scenario: run.scenario }, headers);
      } catch (error) {
        if (error instanceof QueueFullError) return sendJson(response, 429, { error: error.message }, headers);
        throw error;
      }
    }
    if (runPath) {
      const run = queue.get(runPath[1]!);
      if (!run) return sendJson(response, 404, { error: "no such run (the server keeps the last 20)" }, headers);
      const action = runPath[2];
      if (request.method === "GET" && action === "/events") return streamEvents(request, response, run, headers, url);
      if (request.method === "DELETE" && !action) {
        return queue.cancel(run.id)
          ? sendJson(response, 202, { cancelling: run.id }, headers)
          : sendJson(response, 409, { error: `the run has already ${run.status}` }, headers);
      }
      if (request.method === "GET" && action === "/cast") {
        if (run.status !== "finished" || !run.session)
          return sendJson(response, 409, { error: "the run has not finished" }, headers);
        response.writeHead(200, {
          "content-type": "application/x-asciicast; charset=utf-8",
          "cache-control": "no-store",
          ...headers,
        });
        return void response.end(run.session.toAsciicast());
      }
      if (request.method === "POST" && action === "/save") {
        if (run.status !== "finished" || !run.session)
          return sendJson(response, 409, { error: "only a finished run can be saved" }, headers);
        const recorded = writeCast(options.saveDir, SCENARIOS[run.scenario], run.session, run.facts);
        const existing = path.join(options.saveDir, "manifest.json");
        // A new folder starts from the committed manifest, so it holds a complete, valid set.
        writeManifest(options.saveDir, {
          ...(await options.executor.manifestContext()),
          recorded: [recorded],
          mergeInto: existsSync(existing) ? existing : path.join(DEFAULT_RECORDINGS_DIR, "manifest.json"),
        });
        log(`saved ${run.scenario} to ${path.join(options.saveDir, recorded.entry.file)}`);
        return sendJson(
          response,
          201,
          { cast: path.join(options.saveDir, recorded.entry.file), manifest: existing },
          headers,
        );
      }
    }
    sendJson(response, 404, { error: "not found" }, headers);
  }

  function streamEvents(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    run: LiveRun,
    headers: Record<string, string>,
    url: URL,
  ): void {
    const open = openStreams.get(run.id) ?? 0;
    if (open >= MAX_STREAMS_PER_RUN)
      return sendJson(
        response,
        429,
        { error: `${open} streams already follow this run; close one (another tab or window) first` },
        headers,
      );
    openStreams.set(run.id, open + 1);
    const lastEventId = request.headers["last-event-id"];
    let next = firstFrameToSend(typeof lastEventId === "string" ? lastEventId : url.searchParams.get("after"));
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      ...headers,
    });
    response.write("retry: 2000\n\n");
    let stalled: NodeJS.Timeout | undefined;
    // Sends the frames this client has not had yet and stops while its socket is full ('drain'
    // resumes it): a client that reads slowly or not at all holds one socket buffer, not a copy of the run.
    const pump = () => {
      while (next < run.frames.length && !response.writableNeedDrain) {
        const frame = run.frames[next++]!;
        response.write(`id: ${frame.seq}\ndata: ${JSON.stringify(frame)}\n\n`);
      }
      // Armed before a possible end(): a client that stops reading is dropped even once its stream has ended.
      if (response.writableNeedDrain) stalled ??= setTimeout(() => response.destroy(), STALLED_STREAM_MS);
      if (next >= run.frames.length && TERMINAL_EVENTS.has(run.frames.at(-1)!.event.type)) response.end();
    };
    response.on("drain", () => {
      clearTimeout(stalled);
      stalled = undefined;
      pump();
    });
    // Proxies and browsers drop a silent stream; a comment every 15 s keeps it open until the run ends.
    const keepAlive = setInterval(() => {
      if (!response.writableNeedDrain) response.write(": keep-alive\n\n");
    }, 15_000);
    const unsubscribe = run.onFrame(pump);
    response.on("close", () => {
      clearInterval(keepAlive);
      clearTimeout(stalled);
      unsubscribe();
      const remaining = (openStreams.get(run.id) ?? 1) - 1;
      if (remaining > 0) openStreams.set(run.id, remaining);
      else openStreams.delete(run.id);
    });
    pump();
  }

  return {
    server,
    queue,
    /** Listens on 127.0.0.1 only; resolves with the port (0 picks a free one). */
    listen(): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, LIVE_HOST, () => {
          port = (server.address() as { port: number }).port;
          resolve(port);
        });
      });
    },
    /** Stops accepting, cancels every run, removes what the running one created, closes open streams and frees the executor. */
    async close(): Promise<string[]> {
      server.close();
      try {
        return await queue.close();
      } finally {
        server.closeAllConnections();
        options.executor.close();
      }
    },
  };
}

export function parseArgs(argv: string[]) {
  const options = {
    port: DEFAULT_LIVE_PORT,
    saveDir: DEFAULT_SAVE_DIR,
    allowedOrigins: [] as string[],
    bases: "stand-in" as "stand-in" | "official",
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--port" && value && /^\d+$/.test(value)) options.port = Number(value);
    else if (flag === "--save-to" && value) options.saveDir = path.resolve(value);
    else if (flag === "--allow-origin" && value) options.allowedOrigins.push(new URL(value).origin);
    else if (flag === "--bases" && (value === "stand-in" || value === "official")) options.bases = value;
    else if (flag === "--host") {
      throw new Error(
        `the live server only listens on ${LIVE_HOST}: it runs containers on this machine, so nothing else may reach it`,
      );
    } else
      throw new Error(
        `unknown option ${flag}; usage: npm run demo:live -- [--port ${DEFAULT_LIVE_PORT}] [--save-to <dir>] [--allow-origin <origin>]... [--bases stand-in|official]`,
      );
    i++;
  }
  return options;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const executor = new DockerExecutor(args.bases);
  const live = createLiveServer({ ...args, executor });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[live] ${signal}: cancelling runs and removing what they created`);
    // The safety timer: exit before anyone has to SIGKILL us, even if a cleanup hangs.
    setTimeout(() => {
      console.error("[live] cleanup took too long; exiting anyway");
      executor.close();
      process.exit(1);
    }, 20_000).unref();
    live.close().then(
      (removed) => {
        console.log(`[live] stopped; removed ${removed.length ? removed.join(", ") : "no containers"}`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`[live] cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  // Before the server says it listens: from then on a signal must find the cleanup in place.
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const port = await live.listen();
  console.log(`[live] listening on http://${LIVE_HOST}:${port} (loopback only)`);
  const liveQuery = port === DEFAULT_LIVE_PORT ? "" : `?live=http://${LIVE_HOST}:${port}`;
  console.log(
    `[live] open the presenter, e.g. http://localhost:3000/present/production-and-scaling/dockerizing-nodejs${liveQuery}`,
  );

  if (!(await probeEngine())) return console.log("[live] Docker engine NOT reachable: pages will show the recordings");
  console.log("[live] Docker engine reachable");
  const removed = await executor.removeLeftoversOfStoppedServers();
  if (removed.length > 0)
    console.log(`[live] removed ${removed.join(", ")}, left by a live server that stopped without cleaning up`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
