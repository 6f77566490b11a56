import { spawn, type ChildProcess } from "node:child_process";
import express from "express";
import type { Dependencies } from "./dependencies.js";
import { log } from "./log.js";

export interface ServiceState {
  shuttingDown: boolean;
}

const MAX_DELAY_MS = 60_000;
/** Each launch is a process; a burst of POST /orphan must not use up the process limit by itself. */
export const MAX_CONCURRENT_ORPHAN_LAUNCHES = 4;
let nextRequestId = 1;

// A child starts a grandchild and exits at once. The grandchild is re-parented to PID 1, and
// when it ends only PID 1 can reap it (the zombie demo).
const ORPHAN_LAUNCHER = `require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 300)"], { detached: true, stdio: "ignore" }).unref()`;

function spawnOrphanLauncher(): ChildProcess {
  return spawn(process.execPath, ["-e", ORPHAN_LAUNCHER], { stdio: "ignore" });
}

export function createApp(options: {
  requestDelayMs: number;
  dependencies: Dependencies;
  state: ServiceState;
  /** Starts the process that leaves the orphan behind; tests replace it with one that fails. */
  spawnOrphanLauncher?: () => ChildProcess;
}) {
  const { requestDelayMs, dependencies, state } = options;
  const spawnLauncher = options.spawnOrphanLauncher ?? spawnOrphanLauncher;
  const app = express();

  // While draining, tell keep-alive clients to hang up after this response; an idle
  // keep-alive socket would otherwise hold server.close() open until it times out.
  app.use((_request, response, next) => {
    const writeHead = response.writeHead;
    response.writeHead = function (this: typeof response, ...args: Parameters<typeof writeHead>) {
      if (state.shuttingDown) this.setHeader("Connection", "close");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  });

  app.get("/healthz", async (_request, response) => {
    if (state.shuttingDown) {
      response.status(503).json({ status: "shutting_down" });
      return;
    }
    try {
      await dependencies.check();
      response.status(200).json({ status: "ok" });
    } catch (error) {
      response.status(503).json({ status: "dependencies_unavailable", detail: String(error) });
    }
  });

  // A deliberately slow request, so a recording can catch one in flight while the container stops.
  app.get("/", async (request, response) => {
    const id = nextRequestId++;
    const asked = Number(request.query.delay);
    const delayMs = Number.isInteger(asked) && asked >= 0 ? Math.min(asked, MAX_DELAY_MS) : requestDelayMs;
    log(`request #${id} started (takes ${delayMs} ms)`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    log(`request #${id} finished`);
    response.json({ hello: "world", request: id, servedByPid: process.pid, tookMs: delayMs });
  });

  // Leaves an orphan behind (see ORPHAN_LAUNCHER).
  let launchesInProgress = 0;
  app.post("/orphan", (_request, response) => {
    if (launchesInProgress >= MAX_CONCURRENT_ORPHAN_LAUNCHES) {
      // 503, not 429: the limit is this server's capacity, shared by every client, not a quota one client overran.
      response
        .status(503)
        .set("Retry-After", "1")
        .json({ orphan: "not_started", detail: "too many launches in progress" });
      return;
    }
    let answered = false;
    const answer = (failure?: string) => {
      // Node documents that "exit" may or may not follow "error": answer once.
      if (answered) return;
      answered = true;
      launchesInProgress--;
      if (failure) {
        log(`could not start an orphan process: ${failure}`);
        response.status(503).json({ orphan: "not_started", detail: failure });
      } else {
        log("started a short-lived orphan process");
        response.status(202).json({ orphan: "started" });
      }
    };
    // Counted once spawn returns: for a few errors it throws instead (Express answers 500), and that must not hold a slot.
    const launcher = spawnLauncher();
    launchesInProgress++;
    // A failed spawn (EAGAIN under a process limit) arrives as an "error" event; unhandled, it would crash the service.
    launcher.on("error", (error) => answer(String(error)));
    // The launcher itself fails, without starting the orphan, when its own spawn fails.
    launcher.on("exit", (code, signal) =>
      answer(code === 0 ? undefined : `the launcher exited with ${signal ?? `code ${code}`}`),
    );
  });

  return app;
}
