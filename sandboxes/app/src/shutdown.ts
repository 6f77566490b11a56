import type { Server } from "node:http";
import type { Dependencies } from "./dependencies.js";
import { log } from "./log.js";
import type { ServiceState } from "./app.js";

export interface ShutdownOptions {
  server: Server;
  state: ServiceState;
  dependencies: Dependencies;
  /** Keep answering (with /healthz at 503) this long, so load balancers see the flip before connections are refused. */
  readinessDelayMs: number;
  /** Exit anyway after this long, before the orchestrator's SIGKILL would. */
  timeoutMs: number;
  exit: (code: number) => void;
}

/**
 * Graceful shutdown, in the order an orchestrator needs it:
 * 1. report unhealthy (503) and keep serving for a short readiness delay, so load balancers
 *    notice and stop routing here (a refused connection tells them nothing useful),
 * 2. stop accepting connections and let in-flight requests finish,
 * 3. close the database and cache,
 * 4. exit 0 — or exit 1 from the safety timer if something hangs.
 */
export function createShutdown({ server, state, dependencies, readinessDelayMs, timeoutMs, exit }: ShutdownOptions) {
  return function shutdown(signal: string): void {
    if (state.shuttingDown) return; // a second SIGTERM/SIGINT must not start a second shutdown
    state.shuttingDown = true;
    log(`received ${signal}: /healthz now answers 503`);

    const safetyTimer = setTimeout(() => {
      log(`shutdown took longer than ${timeoutMs} ms: forcing exit`);
      exit(1);
    }, timeoutMs);
    safetyTimer.unref();

    setTimeout(() => {
      log("no longer accepting connections; draining in-flight requests");
      server.close(async (error) => {
        if (error) log(`error while closing the HTTP server: ${error.message}`);
        log("HTTP server closed: no requests in flight");
        await dependencies.close();
        clearTimeout(safetyTimer);
        log(`shutdown complete, exiting with code ${error ? 1 : 0}`);
        exit(error ? 1 : 0);
      });
      // Keep-alive sockets with no request in flight would hold server.close() open until they time out.
      server.closeIdleConnections();
    }, readinessDelayMs);
  };
}
