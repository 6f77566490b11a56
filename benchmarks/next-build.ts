import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Runs `next build` in `projectDir` with its output in `distDir`. */
function runNextBuild(distDir: string, projectDir: string): void {
  execFileSync("npx", ["next", "build"], {
    cwd: projectDir,
    stdio: "ignore",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/**
 * A fresh production build into `distDir` (not `.next`, so a benchmark never disturbs the dev
 * build), in seconds. Next adds that dist dir's types to tsconfig.json and rewrites the file; it
 * is put back as it was, so a benchmark run leaves the tree clean (CI's format check once failed
 * on a commit that took the rewritten file in).
 */
export function buildInto(
  distDir: string,
  {
    projectDir = process.cwd(),
    build = runNextBuild,
  }: { projectDir?: string; build?: (distDir: string, projectDir: string) => void } = {},
): number {
  const tsconfig = path.join(projectDir, "tsconfig.json");
  const asWritten = readFileSync(tsconfig, "utf8");
  rmSync(path.join(projectDir, distDir), { recursive: true, force: true });
  const started = process.hrtime.bigint();
  try {
    build(distDir, projectDir);
  } finally {
    if (readFileSync(tsconfig, "utf8") !== asWritten) writeFileSync(tsconfig, asWritten);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
