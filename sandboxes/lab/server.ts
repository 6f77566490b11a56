/**
 * npm run lab [-- --port <port>] [--bases stand-in|official] [--save-to <dir>]
 *
 * The exercise's runner on the learner's own machine: the lesson page sends a Dockerfile's text,
 * the runner builds it against the demo service's fixed build context and measures it with the
 * recorder's own probes, streaming each check back (NDJSON) as it is measured.
 *
 * Safety model (README, "The lab runner"): it listens on 127.0.0.1 and answers loopback peers
 * with a loopback Host header only (no DNS rebinding); every request but the preflight carries the
 * random token printed in the start-up URL, so no other page in the browser can drive it (it
 * cannot read the token); the Dockerfile passes dockerfile-policy.ts before anything reaches the
 * engine; builds have a time limit; containers run with limits (grader.ts) and are removed by their
 * run's label afterwards, on failure and on cancel too; one run at a time.
 */
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import {
  DEFAULT_LAB_PORT,
  LAB_CHECKS,
  LAB_TOKEN_HEADER,
  MAX_DOCKERFILE_BYTES,
  labRunRequestSchema,
  type LabEvent,
  type LabStatus,
} from "@/lib/lab/protocol";
import { LAB_HASH_PREFIX } from "@/lib/lab/runner-link";
import { LIVE_HOST } from "@/lib/live/events";
import { parseManifest } from "@/lib/recordings/manifest-schema";
import { SANDBOXES_DIR } from "../recorder/bases";
import { CastSession, RunCancelled } from "../recorder/cast";
import { probeEngine } from "../recorder/docker";
import { DEFAULT_RECORDINGS_DIR } from "../recorder/record";
import { removeLeftoversOfStoppedServers } from "../live/executor";
import { isLoopbackHost, readBody, refusedRemotePeer, sendJson } from "../live/guard";
import { applyDockerfilePolicy } from "./dockerfile-policy";
import { DockerLabGrader, type LabGrader } from "./grader";

export const DEFAULT_LAB_SAVE_DIR = path.join(SANDBOXES_DIR, "lab-recordings");
/** JSON escaping can lengthen the text (a tab is two characters); anything longer is not a Dockerfile of the limit. */
const MAX_BODY_BYTES = 4 * MAX_DOCKERFILE_BYTES;
/** Finished runs kept for "save as a recording". */
const KEPT_RUNS = 5;
const LESSON_PATH = "/learn/production-and-scaling/dockerizing-nodejs";

export interface LabServerOptions {
  port: number;
  /** The secret every request must carry; `npm run lab` makes a random one. */
  token: string;
  grader: LabGrader;
  basesOrigin: "stand-in" | "official";
  saveDir: string;
  engineAvailable?: () => Promise<boolean>;
  log?: (message: string) => void;
}

interface LabRun {
  id: string;
  session: CastSession;
  controller: AbortController;
  done: Promise<void>;
}

export const newLabToken = () => randomBytes(24).toString("base64url");

function tokenMatches(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== "string") return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createLabServer(options: LabServerOptions) {
  const log = options.log ?? ((message: string) => console.log(`[lab] ${message}`));
  const engineAvailable = options.engineAvailable ?? (() => probeEngine());
  let port = options.port;
  let current: LabRun | undefined;
  const finished = new Map<string, CastSession>();

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: "the lab runner hit an error; see its terminal" });
      else response.end();
    });
  });

  /**
   * Any origin may call, because the token is the capability: the course page may be served from
   * anywhere (localhost:3000, a deployed copy), and a page without the token gets 401 for every
   * request. The answer carries the caller's origin so the course page can read the stream.
   */
  function cors(request: http.IncomingMessage): Record<string, string> {
    const origin = request.headers.origin;
    return origin ? { "access-control-allow-origin": origin, vary: "Origin" } : {};
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (refusedRemotePeer(request, response, log)) return;
    // A page on evil.example that rebinds its name to 127.0.0.1 still sends Host: evil.example.
    if (!isLoopbackHost(request.headers.host, port))
      return sendJson(response, 403, { error: `Host must be 127.0.0.1:${port} or localhost:${port}` });
    const headers = cors(request);
    const url = new URL(request.url ?? "/", `http://${LIVE_HOST}:${port}`);

    if (request.method === "OPTIONS") {
      // The preflight carries no token (browsers never send custom headers on it) and does nothing.
      const privateNetwork =
        request.headers["access-control-request-private-network"] === "true"
          ? { "access-control-allow-private-network": "true" }
          : {};
      response.writeHead(204, {
        ...headers,
        ...privateNetwork,
        "access-control-allow-methods": "GET, POST, DELETE",
        "access-control-allow-headers": `content-type, ${LAB_TOKEN_HEADER}`,
        "access-control-max-age": "600",
      });
      return void response.end();
    }
    if (request.method === "GET" && url.pathname === "/") {
      // Someone opened the printed URL: say where it goes. Nothing here needs the token.
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      return void response.end(
        `This is the course's lab runner. Paste this page's full URL (with its ?token=) into the exercise's lab panel, at ${LESSON_PATH}.\n`,
      );
    }
    if (!tokenMatches(request.headers[LAB_TOKEN_HEADER], options.token))
      return sendJson(
        response,
        401,
        { error: `send the token the runner printed (header ${LAB_TOKEN_HEADER}); paste the runner's whole URL` },
        headers,
      );

    if (request.method === "GET" && url.pathname === "/api/status") {
      const status: LabStatus = {
        engine: await engineAvailable(),
        busy: current !== undefined,
        bases: options.basesOrigin,
      };
      return sendJson(response, 200, status, headers);
    }
    if (request.method === "POST" && url.pathname === "/api/runs") return startRun(request, response, headers);
    if (request.method === "DELETE" && url.pathname === "/api/runs/current") {
      if (!current) return sendJson(response, 409, { error: "no run is under way" }, headers);
      current.controller.abort(new RunCancelled());
      return sendJson(response, 202, { cancelling: current.id }, headers);
    }
    const save = /^\/api\/runs\/([0-9a-f-]{36})\/save$/.exec(url.pathname);
    if (request.method === "POST" && save) {
      const session = finished.get(save[1]!);
      if (!session)
        return sendJson(
          response,
          404,
          { error: "no finished run with that id (the runner keeps the last 5)" },
          headers,
        );
      mkdirSync(options.saveDir, { recursive: true });
      const file = path.join(options.saveDir, `lab-${save[1]}.cast`);
      writeFileSync(file, session.toAsciicast());
      log(`saved the run as ${file}`);
      return sendJson(response, 201, { cast: file }, headers);
    }
    sendJson(response, 404, { error: "not found" }, headers);
  }

  async function startRun(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    headers: Record<string, string>,
  ) {
    if (!/^application\/json\b/.test(request.headers["content-type"] ?? ""))
      return sendJson(response, 415, { error: "send JSON (content-type: application/json)" }, headers);
    if (current)
      return sendJson(response, 409, { error: "a run is under way; one run at a time (cancel it first)" }, headers);
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === undefined)
      return sendJson(
        response,
        413,
        { error: `the Dockerfile is larger than ${MAX_DOCKERFILE_BYTES / 1024} KiB` },
        headers,
      );
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return sendJson(
        response,
        400,
        { error: 'the body must be JSON like {"dockerfile": "FROM node:20-slim\\n…"}' },
        headers,
      );
    }
    const parsed = labRunRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const error =
        issue.code === "unrecognized_keys"
          ? `only "dockerfile" may be sent; refused: ${issue.keys.map((key) => `"${key}"`).join(", ")}`
          : issue.message;
      return sendJson(response, 400, { error }, headers);
    }
    // Checked with stand-in names first: refusals do not depend on which bases the runner has.
    const placeholderBases = { fat: "fat", slim: "slim", distroless: "distroless" };
    const policy = applyDockerfilePolicy(parsed.data.dockerfile, placeholderBases);
    if (!policy.ok)
      return sendJson(
        response,
        422,
        { error: "the runner refused this Dockerfile", refusals: policy.refusals },
        headers,
      );
    if (!(await engineAvailable()))
      return sendJson(response, 503, { error: "no Docker engine is reachable from the runner" }, headers);
    // Checked again after the awaits above, with no await until `current` is set: another request may have started a run meanwhile.
    if (current)
      return sendJson(response, 409, { error: "a run is under way; one run at a time (cancel it first)" }, headers);

    const id = randomUUID();
    const controller = new AbortController();
    const emit = (event: LabEvent) => {
      if (!response.writableEnded) response.write(`${JSON.stringify(event)}\n`);
    };
    const session = new CastSession("Lab run: your Dockerfile, built and graded", {
      signal: controller.signal,
      listener: { output: (_t, data) => emit({ type: "output", data }), marker: () => {} },
    });
    response.writeHead(200, {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    });
    // The page closing the stream (its Cancel, a closed tab) cancels the run.
    response.on("close", () => {
      if (!response.writableFinished) controller.abort(new RunCancelled());
    });
    const run: LabRun = { id, session, controller, done: Promise.resolve() };
    current = run;
    run.done = execute(run, parsed.data.dockerfile, emit).finally(() => {
      current = undefined;
      response.end();
    });
    await run.done;
  }

  async function execute(run: LabRun, dockerfile: string, emit: (event: LabEvent) => void): Promise<void> {
    const started = Date.now();
    const results: boolean[] = [];
    const emitAndCount = (event: LabEvent) => {
      if (event.type === "check") results.push(event.result.passed);
      emit(event);
    };
    emit({ type: "accepted", runId: run.id });
    log(`run ${run.id} started`);
    try {
      emit({ type: "phase", message: "preparing the course's bases (built once, then cached)" });
      const bases = await options.grader.bases((message) => emit({ type: "phase", message }), run.controller.signal);
      const policy = applyDockerfilePolicy(dockerfile, bases);
      if (!policy.ok)
        throw new Error(policy.refusals.map((refusal) => `line ${refusal.line}: ${refusal.message}`).join("\n"));
      await options.grader.grade(
        { runId: run.id, dockerfile: policy.dockerfile, finalBase: policy.finalBase },
        run.session,
        emitAndCount,
      );
      // A cancel ends the grader's commands, which may let it return normally: the run still counts as cancelled.
      run.controller.signal.throwIfAborted();
      const seconds = (Date.now() - started) / 1000;
      emit({ type: "finished", passed: results.filter(Boolean).length, total: LAB_CHECKS.length, seconds });
      finished.set(run.id, run.session);
      while (finished.size > KEPT_RUNS) finished.delete(finished.keys().next().value!);
      log(`run ${run.id} graded: ${results.filter(Boolean).length}/${LAB_CHECKS.length} in ${seconds.toFixed(1)} s`);
    } catch (error) {
      const removed = await options.grader.cleanup(run.id);
      if (run.controller.signal.aborted) {
        log(`run ${run.id} cancelled; removed ${removed.length ? removed.join(", ") : "no containers"}`);
        return emit({ type: "cancelled", removedContainers: removed });
      }
      const message = error instanceof Error ? error.message : String(error);
      log(`run ${run.id} failed: ${message}`);
      return emit({ type: "failed", message });
    }
    await options.grader.cleanup(run.id);
  }

  return {
    server,
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
    /** Stops accepting, cancels the run under way and waits for its cleanup, then frees the grader. */
    async close(): Promise<void> {
      server.close();
      try {
        if (current) {
          current.controller.abort(new RunCancelled());
          await current.done;
        }
      } finally {
        server.closeAllConnections();
        options.grader.close();
      }
    },
  };
}

export function parseLabArgs(argv: string[]) {
  const options = {
    port: DEFAULT_LAB_PORT,
    bases: "stand-in" as "stand-in" | "official",
    saveDir: DEFAULT_LAB_SAVE_DIR,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--port" && value && /^\d+$/.test(value)) options.port = Number(value);
    else if (flag === "--bases" && (value === "stand-in" || value === "official")) options.bases = value;
    else if (flag === "--save-to" && value) options.saveDir = path.resolve(value);
    else if (flag === "--host")
      throw new Error(`the lab runner only listens on ${LIVE_HOST}: it builds and runs containers on this machine`);
    else
      throw new Error(
        `unknown option ${flag}; usage: npm run lab -- [--port ${DEFAULT_LAB_PORT}] [--bases stand-in|official] [--save-to <dir>]`,
      );
  }
  return options;
}

async function main() {
  const args = parseLabArgs(process.argv.slice(2));
  const manifest = parseManifest(JSON.parse(readFileSync(path.join(DEFAULT_RECORDINGS_DIR, "manifest.json"), "utf8")));
  const grader = new DockerLabGrader(args.bases, manifest);
  const token = newLabToken();
  const lab = createLabServer({ port: args.port, token, grader, basesOrigin: args.bases, saveDir: args.saveDir });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[lab] ${signal}: cancelling the run and removing what it created`);
    setTimeout(() => {
      console.error("[lab] cleanup took too long; exiting anyway");
      grader.close();
      process.exit(1);
    }, 20_000).unref();
    lab.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[lab] cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const port = await lab.listen();
  const url = `http://${LIVE_HOST}:${port}/?token=${token}`;
  console.log(`[lab] listening on ${url} (loopback only)`);
  console.log(
    `[lab] paste that URL into the exercise's lab panel, or open http://localhost:3000${LESSON_PATH}${LAB_HASH_PREFIX}${encodeURIComponent(url)}`,
  );
  if (!(await probeEngine())) return console.log("[lab] Docker engine NOT reachable: start Docker, then run again");
  console.log("[lab] Docker engine reachable");
  const removed = await removeLeftoversOfStoppedServers();
  if (removed.length > 0)
    console.log(`[lab] removed ${removed.join(", ")}, left by a runner that stopped without cleaning up`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
