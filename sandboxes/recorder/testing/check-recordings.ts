import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { parseAsciicast } from "@/lib/asciicast/parse";
import { stripAnsi } from "@/lib/asciicast/transcript";
import { SCENARIO_NAMES, type Manifest } from "@/lib/recordings/manifest-schema";

/**
 * Checks that keep recordings honest: valid asciicast, markers matching the manifest's events,
 * facts matching what the casts show. Used on the committed recordings and on fresh ones.
 */
export function checkRecordings(
  dir: string,
  manifest: Manifest,
  names: readonly (keyof Manifest["scenarios"])[] = SCENARIO_NAMES,
) {
  for (const name of names) {
    const scenario = manifest.scenarios[name];
    const file = path.join(dir, scenario.file);
    expect(existsSync(file), `${scenario.file} exists`).toBe(true);
    const text = readFileSync(file, "utf8");
    const recording = parseAsciicast(text);
    expect(recording.cols).toBeLessThanOrEqual(100);
    const rawTimes = text
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => (JSON.parse(line) as [number])[0]);
    rawTimes.forEach((time, index) =>
      expect(time, `${scenario.file} event ${index + 2} is in time order`).toBeGreaterThanOrEqual(
        rawTimes[index - 1] ?? 0,
      ),
    );
    expect(recording.markers.length, `${name} has markers`).toBeGreaterThan(0);
    expect(recording.markers.map((marker) => [marker.rawTime, marker.label])).toEqual(
      scenario.events.map((event) => [event.t, event.label]),
    );
    expect(text, `${name} shows the commands it ran`).toMatch(/\$\\u001b\[0m (docker|curl|echo)/);
    expect(scenario.durationSeconds).toBeGreaterThanOrEqual(rawTimes[rawTimes.length - 1] ?? 0);
    if (name === "zombies") checkZombieListing(recording.output, manifest.scenarios.zombies.facts.rows);
  }
}

/** The zombie counts are the Z lines the cast shows (one process listing per PID 1, in order). */
function checkZombieListing(output: { data: string }[], rows: Manifest["scenarios"]["zombies"]["facts"]["rows"]) {
  const listings = stripAnsi(output.map((event) => event.data).join(""))
    .split(/docker exec course-zombies-/)
    .slice(1);
  expect(listings, "one process listing per PID 1 in zombies.cast").toHaveLength(rows.length);
  listings.forEach((listing, index) => {
    const shown = listing.split(/\r?\n/).filter((line) => /^\d+ \(.*\) Z \d+$/.test(line.trim())).length;
    expect(shown, `zombies.cast: Z lines shown with ${rows[index]?.pid1} as PID 1`).toBe(rows[index]?.zombiesAfter);
  });
}

const stopScenarios = ["stop-naive", "stop-optimized"] as const;

export function checkFactsAgainstEvents(manifest: Manifest) {
  for (const name of stopScenarios) {
    const { facts, events } = manifest.scenarios[name];
    const exit = events.find((event) => event.kind === "exit");
    expect(exit?.state.exitCode, `${name}: the exit marker shows the recorded exit code`).toBe(facts.exitCode);
    const requestEnd = events.find((event) => event.kind === "request-end");
    expect(requestEnd?.state.inflight, `${name}: the request marker shows the recorded fate`).toBe(
      facts.inflightOutcome,
    );
    const sigterm = events.find((event) => event.kind === "sigterm");
    expect(sigterm?.state.sigtermAt).toBe(sigterm?.t);
    expect(events.find((event) => event.kind === "ready")?.state.user).toBe(facts.user);
  }
  const matrix = manifest.scenarios["pid1-matrix"].facts.rows;
  expect(matrix.map((row) => `${row.pid1}/${row.handler}`).sort()).toEqual(
    ["npm start", "node", "tini", "docker run --init"].flatMap((pid1) => [`${pid1}/true`, `${pid1}/false`]).sort(),
  );
  const sizes = manifest.scenarios.sizes;
  expect(sizes.events.filter((event) => event.kind === "size")).toHaveLength(sizes.facts.images.length);
  const floor = sizes.facts.floor;
  expect(floor.totalBytes).toBe(
    floor.nodeBinaryBytes + floor.sharedLibrariesBytes + floor.prodNodeModulesBytes + floor.appBytes,
  );
  expect(manifest.scenarios["secrets-and-user"].facts.rows.map((row) => row.image)).toEqual([
    "naive",
    "optimized",
    "distroless",
  ]);
  expect(manifest.scenarios.zombies.facts.rows.map((row) => row.pid1)).toEqual(["node", "tini"]);
  // Layer caching is deterministic: a source edit must re-run the naive install and only the
  // optimized build step. A rebuild served wholly from cache measured nothing.
  // The lesson explains the no-drain-window failures as the race between closing and the balancer's
  // checks; if a re-recording ever shows none, the lesson must say so instead (issue: rolling deploys).
  expect(
    manifest.scenarios["rolling-no-drain-window"].facts.failed,
    "rolling-no-drain-window failed some requests, as the lesson explains",
  ).toBeGreaterThan(0);
  const rebuilds = manifest.scenarios["build-cache"].facts.rows;
  expect(rebuilds.map((row) => [row.image, row.reinstalledDependencies])).toEqual([
    ["naive", true],
    ["optimized", false],
  ]);
  for (const row of rebuilds)
    expect(row.stepsRun, `${row.image}: the rebuild ran the steps after the change`).toBeGreaterThanOrEqual(2);
}
