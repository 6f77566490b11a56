export interface Config {
  port: number;
  /** How long GET / takes by default; a `?delay=` query overrides it per request. */
  requestDelayMs: number;
  /** false runs the service with no signal handlers at all, for the comparison recordings. */
  handleSignals: boolean;
  /** How long /healthz answers 503 before the server stops accepting connections. */
  readinessDelayMs: number;
  /** The safety timer: exit anyway before the orchestrator's SIGKILL (docker stop waits 10 s by default). */
  shutdownTimeoutMs: number;
  databaseUrl?: string;
  redisUrl?: string;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a whole number of milliseconds, got "${value}"`);
  return parsed;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer("PORT", env.PORT, 3000),
    requestDelayMs: integer("REQUEST_DELAY_MS", env.REQUEST_DELAY_MS, 1000),
    handleSignals: env.HANDLE_SIGNALS !== "false",
    readinessDelayMs: integer("READINESS_DELAY_MS", env.READINESS_DELAY_MS, 2000),
    shutdownTimeoutMs: integer("SHUTDOWN_TIMEOUT_MS", env.SHUTDOWN_TIMEOUT_MS, 8000),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
  };
}
