/**
 * Runs Lighthouse 12.2.3 in Debian's Chromium on every prerendered page, mobile and desktop, with a
 * blank Next.js page (same next, built in the same run) as the baseline, and prints each category
 * score, LCP, TBT, CLS, DOM size and the share of legible text, then a PASS/FAIL line per budget
 * (mobile: performance ≥ 98, accessibility, best practices and SEO 100, CLS ≤ 0.01, legible text
 * 100 %; the lesson's DOM ≤ 2,000 elements).
 *   npm run bench:lighthouse             builds the site (.next-bench) and the blank page first
 *   npm run bench:lighthouse -- --reuse  reuses both builds when they exist
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { chromium } from "@playwright/test";
import type { Result as LighthouseResult } from "lighthouse";
import { chromiumLaunchOptions } from "../e2e/browser";
import { buildBlankNextApp } from "./blank-next-app";
import { finishedBuild } from "./first-load-js";
import { prerenderedRoutes } from "./routes";

const distDir = ".next-bench";
const sitePort = Number(process.env.BENCH_PORT ?? 3310);
const blankPort = sitePort + 1;
const reuse = process.argv.includes("--reuse");
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
}

function startServer(args: string[], env: Record<string, string>): ChildProcess {
  return spawn("npx", ["next", "start", ...args], { env: { ...process.env, ...env }, stdio: "ignore", detached: true });
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
 * transform would reach the functions Lighthouse sends into the page and break them (`__name`).
 */
function audit(url: string, port: number, formFactor: FormFactor): Result {
  const cli = path.join("node_modules", "lighthouse", "cli", "index.js");
  const json = execFileSync(
    process.execPath,
    [
      cli,
      url,
      `--port=${port}`,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
    ],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const lhr = JSON.parse(json) as LighthouseResult;
  const { categories, audits, runtimeError } = lhr;
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
  };
}

function describe(label: string, formFactor: FormFactor, result: Result): string {
  const { scores } = result;
  return (
    `${label} [${formFactor}] performance ${scores.performance}, accessibility ${scores.accessibility}, ` +
    `best practices ${scores["best-practices"]}, SEO ${scores.seo}; LCP ${(result.lcpMs / 1000).toFixed(2)} s, ` +
    `TBT ${Math.round(result.tbtMs)} ms, CLS ${result.cls.toFixed(3)}, DOM ${result.domSize} elements, ` +
    `legible text ${result.legiblePercent === undefined ? "n/a" : `${result.legiblePercent.toFixed(1)} %`}`
  );
}

/** The budgets of issue 17 for one route on mobile, as [description, passed]. */
function budgets(route: string, result: Result): Array<[string, boolean]> {
  const { scores } = result;
  const checks: Array<[string, boolean]> = [
    [`performance ${scores.performance} ≥ 98`, scores.performance >= 98],
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

async function main() {
  if (!(reuse && finishedBuild(distDir))) {
    execFileSync("npx", ["next", "build"], {
      stdio: "ignore",
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  const blankApp = ".next-blank-app";
  if (!(reuse && finishedBuild(path.join(blankApp, ".next")))) buildBlankNextApp();

  const servers = [
    startServer(["-p", String(sitePort), "-H", "127.0.0.1"], { NEXT_DIST_DIR: distDir }),
    startServer([blankApp, "-p", String(blankPort), "-H", "127.0.0.1"], {}),
  ];
  // The browser the e2e tests use, with a debugging port for Lighthouse to drive.
  const debuggingPort = sitePort + 2;
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...(chromiumLaunchOptions.args ?? []), `--remote-debugging-port=${debuggingPort}`],
  });
  let failed = 0;
  try {
    await Promise.all([waitFor(`http://127.0.0.1:${sitePort}/`), waitFor(`http://127.0.0.1:${blankPort}/`)]);
    const targets = [
      { label: "blank Next.js page", url: `http://127.0.0.1:${blankPort}/`, route: "(blank)" },
      ...prerenderedRoutes(distDir).map((route) => ({
        label: route,
        url: `http://127.0.0.1:${sitePort}${route}`,
        route,
      })),
    ];
    const verdicts: string[] = [];
    for (const target of targets) {
      for (const formFactor of ["mobile", "desktop"] as const) {
        const result = audit(target.url, debuggingPort, formFactor);
        console.log(describe(target.label, formFactor, result));
        if (formFactor === "mobile" && target.route !== "(blank)")
          for (const [budget, passed] of budgets(target.route, result)) {
            if (!passed) failed++;
            verdicts.push(`${passed ? "PASS" : "FAIL"} ${target.route} mobile: ${budget}`);
          }
      }
    }
    console.log(verdicts.join("\n"));
    console.log(failed ? `FAIL ${failed} budget(s) missed` : "PASS every Lighthouse budget");
  } finally {
    await browser.close();
    for (const server of servers) stopServer(server);
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
