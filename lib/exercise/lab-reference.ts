import { factValue } from "@/lib/recordings/facts";
import type { Manifest } from "@/lib/recordings/manifest-schema";

/**
 * What a real run of the learner's Dockerfile checks, each with the values the recorder measured for
 * the naive and the optimized image: shown instead of a run when there is no engine, and next to a
 * run's own measurement when there is.
 */
export interface RecordedLabCheck {
  check: string;
  /** What a run measures, in one sentence. */
  measures: string;
  naive: string;
  optimized: string;
}

export function recordedLabChecks(manifest: Manifest): RecordedLabCheck[] {
  const userRow = (image: string) => {
    const row = manifest.scenarios["secrets-and-user"].facts.rows.find((entry) => entry.image === image);
    if (!row) throw new Error(`the manifest's secrets-and-user scenario has no ${image} row`);
    return `${row.user} (uid ${row.uid}), ${row.envFilePresent ? ".env in the image" : "no .env"}`;
  };
  const stop = (scenario: "stop-naive" | "stop-optimized") => {
    const facts = manifest.scenarios[scenario].facts;
    return `request ${facts.inflightOutcome}, exit code ${facts.exitCode}, ${facts.stopSeconds.toFixed(1)} s`;
  };
  const rebuild = (image: "naive" | "optimized") => {
    const row = manifest.scenarios["build-cache"].facts.rows.find((entry) => entry.image === image);
    if (!row) throw new Error(`the manifest's build-cache scenario has no ${image} row`);
    return `${row.reinstalledDependencies ? "reinstalled the dependencies" : "reused the install layer"}, ${row.rebuildSeconds.toFixed(1)} s`;
  };
  const healthy = manifest.scenarios["health-flip"].facts.statuses.find((status) => status.engine === "healthy");
  if (!healthy) throw new Error("the manifest's health-flip scenario never reports healthy");
  return [
    {
      check: "Image size",
      measures: "The built image's size, next to the naive and the optimized image.",
      naive: factValue(manifest, "naiveImageSize"),
      optimized: factValue(manifest, "optimizedImageSize"),
    },
    {
      check: "User and secrets",
      measures: "The user the process runs as (not root) and whether a .env file is anywhere in the image.",
      naive: userRow("naive"),
      optimized: userRow("optimized"),
    },
    {
      check: "HEALTHCHECK",
      measures: "Whether the engine reports the container healthy, and how soon.",
      naive: "no HEALTHCHECK: the engine never reports health",
      optimized: `healthy ${healthy.t.toFixed(1)} s after start`,
    },
    {
      check: "docker stop with a request in flight",
      measures: "Whether the request completes, the exit code, and the time within the grace period.",
      naive: stop("stop-naive"),
      optimized: stop("stop-optimized"),
    },
    {
      check: "Code-only rebuild",
      measures: "Whether a one-line source change rebuilds without reinstalling the dependencies.",
      naive: rebuild("naive"),
      optimized: rebuild("optimized"),
    },
  ];
}
