import { spawn } from "node:child_process";
import express from "express";
import type { Dependencies } from "./dependencies.js";
import { log } from "./log.js";

export interface ServiceState {
  shuttingDown: boolean;
}

const MAX_DELAY_MS = 60_000;
let nextRequestId = 1;

export function createApp(options: { requestDelayMs: number; dependencies: Dependencies; state: ServiceState }) {
  const { requestDelayMs, dependencies, state } = options;
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

  // Leaves an orphan behind: a child starts a grandchild and exits at once. The grandchild is
  // re-parented to PID 1, and when it ends only PID 1 can reap it (the zombie demo).
  app.post("/orphan", (_request, response) => {
    const grandchild = `setTimeout(() => {}, 300)`;
    const child = `require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(grandchild)}], { detached: true, stdio: "ignore" }).unref()`;
    const launcher = spawn(process.execPath, ["-e", child], { stdio: "ignore" });
    launcher.on("exit", () => {
      log("started a short-lived orphan process");
      response.status(202).json({ orphan: "started" });
    });
  });

  return app;
}
