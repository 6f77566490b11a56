/**
 * Prints each rolling-deploy variant's numbers from a fresh run on the local engine: requests
 * sent, failed by kind, p99 latency and the scenario's wall time, with PASS/FAIL for the claims
 * the lesson makes. Needs Docker.   npm run bench:rolling
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ScenarioFacts, ScenarioName } from "@/lib/recordings/manifest-schema";
import { DEFAULT_RECORDINGS_DIR, record } from "../sandboxes/recorder/record";

const VARIANTS = [
  "rolling-naive",
  "rolling-optimized",
  "rolling-no-drain-window",
] as const satisfies readonly ScenarioName[];

async function main() {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "course-bench-rolling-"));
  // A subset is merged into a complete manifest, so start from the committed one.
  copyFileSync(path.join(DEFAULT_RECORDINGS_DIR, "manifest.json"), path.join(outDir, "manifest.json"));
  const results: { name: (typeof VARIANTS)[number]; wallSeconds: number; facts: ScenarioFacts<"rolling-optimized"> }[] =
    [];
  for (const name of VARIANTS) {
    const started = Date.now();
    const manifest = await record({ only: [name], outDir, bases: "stand-in", progress: () => {} });
    results.push({ name, wallSeconds: (Date.now() - started) / 1000, facts: manifest.scenarios[name].facts });
  }
  console.log(
    `${"variant".padEnd(26)} ${"sent".padStart(6)} ${"failed".padStart(7)}  by kind${" ".repeat(26)} ${"p99".padStart(9)} ${"wall".padStart(7)}`,
  );
  for (const { name, wallSeconds, facts } of results) {
    const { totals } = facts;
    const kinds = [
      ...Object.entries(totals.httpErrors).map(([status, n]) => `${status}:${n}`),
      `reset:${totals.resets}`,
      `timeout:${totals.timeouts}`,
      `other:${totals.otherErrors}`,
    ].join(" ");
    console.log(
      `${name.padEnd(26)} ${String(totals.sent).padStart(6)} ${String(facts.failed).padStart(7)}  ${kinds.padEnd(33)} ${`${Math.round(facts.latency.p99Ms)} ms`.padStart(9)} ${`${wallSeconds.toFixed(0)} s`.padStart(7)}`,
    );
  }
  const facts = (name: (typeof VARIANTS)[number]) => results.find((result) => result.name === name)!.facts;
  const budgets: [string, boolean][] = [
    [`optimized: 0 failed (${facts("rolling-optimized").failed})`, facts("rolling-optimized").failed === 0],
    [
      `optimized: at least 3,000 requests (${facts("rolling-optimized").totals.sent})`,
      facts("rolling-optimized").totals.sent >= 3000,
    ],
    [
      `load rate at least 200/s (${facts("rolling-optimized").load.ratePerSecond})`,
      facts("rolling-optimized").load.ratePerSecond >= 200,
    ],
    [`naive: at least 1 failed (${facts("rolling-naive").failed})`, facts("rolling-naive").failed >= 1],
  ];
  for (const [label, pass] of budgets) console.log(`${pass ? "PASS" : "FAIL"} ${label}`);
  console.log(
    `(no-drain-window failed ${facts("rolling-no-drain-window").failed}: recorded whatever it is; into ${outDir})`,
  );
  if (budgets.some(([, pass]) => !pass)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
