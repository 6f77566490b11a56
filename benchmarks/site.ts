/**
 * Prints the site's build time and first-load JS per route. Run: npm run bench:site
 * Builds into its own dist dir so it never disturbs a running dev server.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { firstLoadJs, kib } from "./first-load-js";

const distDir = ".next-bench";
const routes = [
  "/",
  "/learn/production-and-scaling/dockerizing-nodejs",
  "/present/production-and-scaling/dockerizing-nodejs",
];

rmSync(distDir, { recursive: true, force: true });
const started = process.hrtime.bigint();
execFileSync("npx", ["next", "build"], {
  stdio: "ignore",
  env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
});
const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;

console.log(`next build (cold, ${distDir}): ${buildSeconds.toFixed(1)} s`);
for (const route of routes) {
  const { files, gzipBytes, rawBytes } = firstLoadJs(distDir, route);
  console.log(`first-load JS ${route}: ${kib(gzipBytes)} gzip (${kib(rawBytes)} raw, ${files} files)`);
}
