import pg from "pg";
import { createClient } from "redis";
import { log } from "./log.js";

/** Postgres and Redis, when the environment names them (the compose stack does; the stop demos don't). */
export interface Dependencies {
  describe(): string;
  /** Throws when a configured dependency does not answer: the service is not ready. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export async function connectDependencies(databaseUrl?: string, redisUrl?: string): Promise<Dependencies> {
  const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 2 }) : undefined;
  const redis = redisUrl ? createClient({ url: redisUrl }) : undefined;
  if (redis) {
    redis.on("error", (error: Error) => log(`redis error: ${error.message}`));
    await redis.connect();
    log(`connected to redis (${await redis.ping()})`);
  }
  if (pool) {
    const { rows } = await pool.query<{ version: string }>("select version()");
    log(`connected to postgres (${rows[0]?.version.split(" ").slice(0, 2).join(" ")})`);
  }
  return {
    describe: () => [pool && "postgres", redis && "redis"].filter(Boolean).join(" + ") || "none",
    async check() {
      if (pool) await pool.query("select 1");
      if (redis) await redis.ping();
    },
    async close() {
      // Each closes on its own so one failure cannot keep the other open.
      const results = await Promise.allSettled([pool?.end(), redis?.quit()]);
      for (const result of results)
        if (result.status === "rejected") log(`error closing a dependency: ${String(result.reason)}`);
      if (pool || redis) log("closed database and cache connections");
    },
  };
}
