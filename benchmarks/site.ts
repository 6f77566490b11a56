/**
 * Prints the site's build time and, for every prerendered page, its first-load JS next to a blank
 * Next.js page's built in the same run, with PASS/FAIL against the budget (blank + 15 KiB), and
 * PASS/FAIL for code that must load after first paint or on demand (LAZY_CODE) showing up in it.
 *   npm run bench:site             builds the site into .next-bench and the blank page into .next-blank-app
 *   npm run bench:site -- --reuse  reuses both builds when they exist
 */
import path from "node:path";
import { buildBlankNextApp } from "./blank-next-app";
import { finishedBuild, firstLoadJs, firstLoadScriptTexts, kib, lazyCodeIn } from "./first-load-js";
import { buildInto } from "./next-build";
import { prerenderedRoutes } from "./routes";

const distDir = ".next-bench";
const BUDGET_OVER_BLANK = 15 * 1024;
const reuse = process.argv.includes("--reuse");

function main() {
  let buildSeconds: number | undefined;
  if (!(reuse && finishedBuild(distDir))) {
    buildSeconds = buildInto(distDir);
  }
  const blankDist = path.join(".next-blank-app", ".next");
  const blank = firstLoadJs(reuse && finishedBuild(blankDist) ? blankDist : buildBlankNextApp().distDir, "/");

  if (buildSeconds !== undefined) console.log(`next build (cold, ${distDir}): ${buildSeconds.toFixed(1)} s`);
  console.log(`blank Next.js page (same next, same run): ${kib(blank.gzipBytes)} gzip (${blank.files} files)`);
  console.log(
    `budget: first-load JS ≤ blank + ${kib(BUDGET_OVER_BLANK)} = ${kib(blank.gzipBytes + BUDGET_OVER_BLANK)}`,
  );
  let failed = 0;
  for (const route of prerenderedRoutes(distDir)) {
    const { files, gzipBytes } = firstLoadJs(distDir, route);
    const over = gzipBytes - blank.gzipBytes;
    const pass = over <= BUDGET_OVER_BLANK;
    if (!pass) failed++;
    console.log(
      `${pass ? "PASS" : "FAIL"} first-load JS ${route}: ${kib(gzipBytes)} gzip (${files} files), ${over >= 0 ? "+" : ""}${kib(over)} over blank`,
    );
    const lazy = lazyCodeIn(route, firstLoadScriptTexts(distDir, route));
    if (lazy.length) failed++;
    console.log(
      `${lazy.length ? "FAIL" : "PASS"} no lazy code in the first load of ${route}${lazy.length ? `: ${lazy.join(", ")}` : ""}`,
    );
  }
  console.log(
    failed
      ? `FAIL ${failed} budget(s) missed`
      : "PASS every route within blank + 15 KiB, with no lazy code in its first load",
  );
  process.exitCode = failed ? 1 : 0;
}

main();
