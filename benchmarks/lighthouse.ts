/**
 * Runs Lighthouse 12.2.3 in Debian's Chromium on every page of the static export, served as a host would
 * (scripts/serve-static.mjs, with the production headers), mobile and desktop, with a blank Next.js page (same
 * next, built in the same run) as the baseline, and prints each category score, LCP, TBT, CLS, DOM size and the
 * share of legible text, then a PASS/FAIL line per budget (mobile: performance ≥ 98, accessibility, best practices
 * and SEO 100, CLS ≤ 0.01, legible text 100 %; the lesson's DOM ≤ 2,000 elements).
 * A second baseline is the lesson itself with every script taken out: the same HTML and CSS, no JavaScript at all.
 * What it scores is what the lesson's content costs a phone to lay out and paint, before any of our code runs.
 *   npm run bench:lighthouse                 exports the site (.next-bench-export) and builds the blank page first
 *   npm run bench:lighthouse -- --reuse      reuses both when they exist
 *   npm run bench:lighthouse -- --site out   audits an export already on disk (say, the e2e suite's out/)
 *   npm run bench:lighthouse -- --runs 5     audits each page that many times on mobile and reports the median run
 * BENCH_PORT (default 3310) serves the site; the blank page is served on BENCH_PORT + 50, the lesson without
 * JavaScript on BENCH_PORT + 60.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import type { Result as LighthouseResult } from "lighthouse";
import { chromiumLaunchOptions } from "../e2e/browser";
import { buildBlankNextApp } from "./blank-next-app";
import { finishedBuild } from "./first-load-js";
import { exportedRoutes } from "./routes";

const sitePort = Number(process.env.BENCH_PORT ?? 3310);
const blankPort = sitePort + 50;
const withoutJsPort = sitePort + 60;
const reuse = process.argv.includes("--reuse");
const siteFlag = process.argv.indexOf("--site");
const givenSite = siteFlag === -1 ? undefined : process.argv[siteFlag + 1];
const runsFlag = process.argv.indexOf("--runs");
/** Lighthouse's own advice for noisy machines: several runs, the median one reported. */
const mobileRuns = runsFlag === -1 ? 3 : Number(process.argv[runsFlag + 1]);
/** One audit normally takes 10–40 s; a page that never settles must not hold the run forever. */
const AUDIT_TIMEOUT_MS = 180_000;
const LESSON_ROUTE = /^\/learn\//;
const LESSON_DOM_BUDGET = 2000;

type FormFactor = "mobile" | "desktop";

interface Result {
  scores: Record<"performance" | "accessibility" | "best-practices" | "seo", number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  domSize: number;
  /** Percent of the page's text at 12 px or more; undefined where Lighthouse does not check it (desktop). */
  legiblePercent: number | undefined;
  /** Lighthouse's measure of the machine's speed during the run: lower means a busier (or slower) CPU. */
  benchmarkIndex: number | undefined;
}

/** A server in its own process group, so that stopping it stops what it spawned (npx, serve). */
function startServer(command: string, args: string[]): ChildProcess {
  return spawn(command, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
}

/** Stops a server and its children; one that already exited (say, on a broken build) has nothing to stop. */
function stopServer(server: ChildProcess): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  process.kill(-server.pid, "SIGTERM");
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/**
 * One Lighthouse run, through its own CLI in a plain node process: this script runs under tsx, whose
 * transform would reach the functions Lighthouse sends into the page and break them (`__name`). Lighthouse
 * starts the browser itself (the e2e suite's Chromium and flags, headless) and a fresh profile each run, so
 * no run inherits another's cache.
 */
function audit(url: string, formFactor: FormFactor): Result {
  const cli = path.join("node_modules", "lighthouse", "cli", "index.js");
  const chromePath = chromiumLaunchOptions.executablePath;
  const json = execFileSync(
    process.execPath,
    [
      cli,
      url,
      ...(chromePath ? [`--chrome-path=${chromePath}`] : []),
      `--chrome-flags=--headless=new ${(chromiumLaunchOptions.args ?? []).join(" ")}`,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
    ],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: AUDIT_TIMEOUT_MS },
  );
  const lhr = JSON.parse(json) as LighthouseResult;
  const { categories, audits, runtimeError, environment } = lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.message}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  const fontSize = audits["font-size"];
  let legiblePercent: number | undefined;
  if (fontSize && fontSize.scoreDisplayMode !== "notApplicable" && fontSize.details?.type === "table") {
    const legible = fontSize.details.items.find((item) => item.fontSize === "≥ 12px");
    legiblePercent = legible ? Number.parseFloat(String(legible.coverage)) : 0;
  }
  return {
    scores: {
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
    },
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    domSize: numeric("dom-size"),
    legiblePercent,
    benchmarkIndex: environment.benchmarkIndex,
  };
}

function describe(label: string, formFactor: FormFactor, result: Result): string {
  const { scores } = result;
  return (
    `${label} [${formFactor}] performance ${scores.performance}, accessibility ${scores.accessibility}, ` +
    `best practices ${scores["best-practices"]}, SEO ${scores.seo}; LCP ${(result.lcpMs / 1000).toFixed(2)} s, ` +
    `TBT ${Math.round(result.tbtMs)} ms, CLS ${result.cls.toFixed(3)}, DOM ${result.domSize} elements, ` +
    `legible text ${result.legiblePercent === undefined ? "n/a" : `${result.legiblePercent.toFixed(1)} %`}; ` +
    `benchmark index ${result.benchmarkIndex?.toFixed(0) ?? "n/a"}`
  );
}

/**
 * The budgets of issue 17 for one route on mobile, as [description, passed]. The lesson's performance line says what
 * the same lesson scored without JavaScript, its floor on this machine.
 */
function budgets(route: string, result: Result, lessonWithoutJs: Result | undefined): Array<[string, boolean]> {
  const { scores } = result;
  const floor =
    LESSON_ROUTE.test(route) && lessonWithoutJs
      ? ` (the same lesson without JavaScript: ${lessonWithoutJs.scores.performance}, TBT ${Math.round(lessonWithoutJs.tbtMs)} ms)`
      : "";
  const checks: Array<[string, boolean]> = [
    [`performance ${scores.performance} ≥ 98${floor}`, scores.performance >= 98],
    [`accessibility ${scores.accessibility} = 100`, scores.accessibility === 100],
    [`best practices ${scores["best-practices"]} = 100`, scores["best-practices"] === 100],
    [`SEO ${scores.seo} = 100`, scores.seo === 100],
    [`CLS ${result.cls.toFixed(3)} ≤ 0.01`, result.cls <= 0.01],
    [
      `legible text ${result.legiblePercent?.toFixed(1) ?? "n/a"} % = 100 %`,
      result.legiblePercent !== undefined && result.legiblePercent >= 100,
    ],
  ];
  if (LESSON_ROUTE.test(route))
    checks.push([`DOM ${result.domSize} ≤ ${LESSON_DOM_BUDGET} elements`, result.domSize <= LESSON_DOM_BUDGET]);
  return checks;
}

/** The run whose performance score is the median of the runs (Lighthouse's way of reporting several runs). */
function medianRun(results: Result[]): Result {
  const sorted = [...results].sort((left, right) => left.scores.performance - right.scores.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The export to audit: the one named by --site, or a fresh one in .next-bench-export (reused with --reuse). */
function siteToAudit(): string {
  if (givenSite) {
    if (!existsSync(path.join(givenSite, "index.html"))) throw new Error(`${givenSite}/ holds no exported site`);
    return givenSite;
  }
  const exportDir = ".next-bench-export";
  if (!(reuse && existsSync(path.join(exportDir, "index.html"))))
    execFileSync(process.execPath, ["scripts/export.mjs", "--into", exportDir], { stdio: "ignore" });
  return exportDir;
}

/**
 * A copy of the site whose lesson page has every script removed (inline ones, Next's payload, and the preload links
 * for scripts), so it is served, compressed and laid out exactly as the real one, and nothing runs. Returns its folder.
 */
function siteWithLessonWithoutJs(site: string, lessonRoute: string): string {
  const copy = ".next-bench-without-js";
  rmSync(copy, { recursive: true, force: true });
  cpSync(site, copy, { recursive: true });
  const file = path.join(copy, `${lessonRoute}.html`);
  const html = readFileSync(file, "utf8")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*>/g, "");
  // A script left behind would make this baseline measure some of our code after all.
  if (/<script\b|as="script"/.test(html)) throw new Error(`${file} still loads a script after stripping them`);
  writeFileSync(file, html);
  return copy;
}

async function main() {
  if (!Number.isInteger(mobileRuns) || mobileRuns < 1) throw new Error("--runs needs a whole number ≥ 1");
  const site = siteToAudit();
  const blankApp = ".next-blank-app";
  if (!(reuse && finishedBuild(path.join(blankApp, ".next")))) buildBlankNextApp();

  const routes = exportedRoutes(site);
  const lessonRoute = routes.find((route) => LESSON_ROUTE.test(route));
  if (!lessonRoute) throw new Error(`${site}/ holds no lesson page (no route under /learn/)`);
  const withoutJs = siteWithLessonWithoutJs(site, lessonRoute);

  const servers = [
    startServer(process.execPath, ["scripts/serve-static.mjs", site, "--port", String(sitePort)]),
    startServer("npx", ["next", "start", blankApp, "-p", String(blankPort), "-H", "127.0.0.1"]),
    startServer(process.execPath, ["scripts/serve-static.mjs", withoutJs, "--port", String(withoutJsPort)]),
  ];
  let failed = 0;
  try {
    await Promise.all([sitePort, blankPort, withoutJsPort].map((port) => waitFor(`http://127.0.0.1:${port}/`)));
    const targets = [
      { label: "blank Next.js page", url: `http://127.0.0.1:${blankPort}/`, route: "(blank)" },
      {
        label: `${lessonRoute} without JavaScript`,
        url: `http://127.0.0.1:${withoutJsPort}${lessonRoute}`,
        route: "(lesson without JavaScript)",
      },
      ...routes.map((route) => ({ label: route, url: `http://127.0.0.1:${sitePort}${route}`, route })),
    ];
    console.log(`site: ${site}/ (served by scripts/serve-static.mjs); mobile: median of ${mobileRuns} run(s)`);
    // Lighthouse's mobile scores scale with free CPU: say how busy the machine was.
    console.log(
      `load average at start: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(", ")} (${cpus().length} CPUs)`,
    );
    const verdicts: string[] = [];
    let lessonWithoutJs: Result | undefined;
    for (const target of targets) {
      const mobile = Array.from({ length: mobileRuns }, () => audit(target.url, "mobile"));
      const median = medianRun(mobile);
      const spread =
        mobileRuns > 1
          ? ` (performance over ${mobileRuns} runs: ${mobile.map((run) => run.scores.performance).join(", ")})`
          : "";
      console.log(describe(target.label, "mobile", median) + spread);
      console.log(describe(target.label, "desktop", audit(target.url, "desktop")));
      if (target.route === "(lesson without JavaScript)") lessonWithoutJs = median;
      // The baselines are measured, not budgeted.
      if (target.route.startsWith("(")) continue;
      for (const [budget, passed] of budgets(target.route, median, lessonWithoutJs)) {
        if (!passed) failed++;
        verdicts.push(`${passed ? "PASS" : "FAIL"} ${target.route} mobile: ${budget}`);
      }
    }
    console.log(
      `load average at end: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(", ")}`,
    );
    console.log(verdicts.join("\n"));
    console.log(failed ? `FAIL ${failed} budget(s) missed` : "PASS every Lighthouse budget");
  } finally {
    for (const server of servers) stopServer(server);
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
