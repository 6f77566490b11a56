import { createApp, type ServiceState } from "./app.js";
import { readConfig } from "./config.js";
import { connectDependencies } from "./dependencies.js";
import { log } from "./log.js";
import { createShutdown } from "./shutdown.js";

async function main() {
  const config = readConfig();
  const state: ServiceState = { shuttingDown: false };
  const dependencies = await connectDependencies(config.databaseUrl, config.redisUrl);
  const app = createApp({ requestDelayMs: config.requestDelayMs, dependencies, state });
  const server = app.listen(config.port, () => {
    log(
      `listening on port ${config.port} as uid ${process.getuid?.()} ` +
        `(signal handlers: ${config.handleSignals ? "on" : "OFF"}, dependencies: ${dependencies.describe()})`,
    );
  });

  if (config.handleSignals) {
    const shutdown = createShutdown({
      server,
      state,
      dependencies,
      readinessDelayMs: config.readinessDelayMs,
      timeoutMs: config.shutdownTimeoutMs,
      exit: process.exit,
    });
    process.on("SIGTERM", () => shutdown("SIGTERM"));
    process.on("SIGINT", () => shutdown("SIGINT"));
  }
}

main().catch((error: unknown) => {
  log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
