import type { Manifest } from "@/lib/recordings/manifest-schema";

/** A reader found no value in the manifest: thrown instead of formatting a placeholder, so it cannot reach a page. */
export class MissingFactError extends Error {
  override name = "MissingFactError";
}

/** The value, or a MissingFactError naming what the manifest lacks (a row that is not there, a field recorded as null). */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new MissingFactError(`no ${what}`);
  return value;
}

/** A number the manifest records as text (an environment variable), or a MissingFactError when it is absent or not a number. */
function numberFrom(text: string | undefined, what: string): number {
  const value = Number(present(text, what));
  if (!Number.isFinite(value)) throw new MissingFactError(`${what} is "${text}", not a number`);
  return value;
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const secondsText = (value: number) => `${value.toFixed(1)} s`;

function imageBytes(
  manifest: Manifest,
  name: string,
  kind: "uncompressedBytes" | "compressedBytes" = "uncompressedBytes",
): number {
  const image = manifest.scenarios.sizes.facts.images.find((entry) => entry.name === name);
  if (!image) throw new MissingFactError(`the sizes scenario has no image named "${name}"`);
  return image[kind];
}

function matrixRow(manifest: Manifest, pid1: string, handler: boolean) {
  const row = manifest.scenarios["pid1-matrix"].facts.rows.find(
    (entry) => entry.pid1 === pid1 && entry.handler === handler,
  );
  if (!row) throw new MissingFactError(`the pid1-matrix has no row for ${pid1} with handler ${handler ? "on" : "off"}`);
  return row;
}

const zombieRow = (manifest: Manifest, pid1: string) =>
  manifest.scenarios.zombies.facts.rows.find((row) => row.pid1 === pid1);

function rebuild(manifest: Manifest, image: "naive" | "optimized") {
  const row = manifest.scenarios["build-cache"].facts.rows.find((entry) => entry.image === image);
  if (!row) throw new MissingFactError(`the build-cache scenario has no ${image} row`);
  return row;
}

type RollingName = "rolling-naive" | "rolling-optimized" | "rolling-no-drain-window";
const rolling = (manifest: Manifest, name: RollingName) => manifest.scenarios[name].facts;

/** A failure count as a range, for predictions: an exact count is noise, its order of magnitude is the lesson. */
function failureRange(failed: number): string {
  if (failed === 0) return "none";
  if (failed <= 10) return "1 to 10";
  if (failed <= 100) return "11 to 100";
  return "more than 100";
}

/**
 * Named figures a lesson may cite with <Fact name="…" />. Each reads the manifest and formats
 * the value; a name that is missing, or a value the manifest lacks, fails the build.
 */
export const FACTS = {
  naiveImageSize: (m: Manifest) => mb(imageBytes(m, "naive image")),
  naiveImageCompressed: (m: Manifest) => mb(imageBytes(m, "naive image", "compressedBytes")),
  optimizedImageSize: (m: Manifest) => mb(imageBytes(m, "optimized image")),
  optimizedImageCompressed: (m: Manifest) => mb(imageBytes(m, "optimized image", "compressedBytes")),
  distrolessImageSize: (m: Manifest) => mb(imageBytes(m, "distroless image")),
  fullBaseSize: (m: Manifest) => mb(imageBytes(m, "full base (node:20 stand-in)")),
  slimBaseSize: (m: Manifest) => mb(imageBytes(m, "slim base (node:20-slim stand-in)")),
  floorSize: (m: Manifest) => mb(m.scenarios.sizes.facts.floor.totalBytes),
  nodeBinarySize: (m: Manifest) => mb(m.scenarios.sizes.facts.floor.nodeBinaryBytes),
  prodDependenciesSize: (m: Manifest) => mb(m.scenarios.sizes.facts.floor.prodNodeModulesBytes),
  naiveOverOptimized: (m: Manifest) =>
    `${(imageBytes(m, "naive image") / imageBytes(m, "optimized image")).toFixed(1)}×`,
  naiveOverDistroless: (m: Manifest) =>
    `${(imageBytes(m, "naive image") / imageBytes(m, "distroless image")).toFixed(1)}×`,
  distrolessOverFloor: (m: Manifest) =>
    `${(imageBytes(m, "distroless image") / m.scenarios.sizes.facts.floor.totalBytes).toFixed(2)}×`,
  naiveStopTime: (m: Manifest) => secondsText(m.scenarios["stop-naive"].facts.stopSeconds),
  naiveExitCode: (m: Manifest) => String(m.scenarios["stop-naive"].facts.exitCode),
  naiveRequestFate: (m: Manifest) => m.scenarios["stop-naive"].facts.inflightOutcome,
  optimizedStopTime: (m: Manifest) => secondsText(m.scenarios["stop-optimized"].facts.stopSeconds),
  optimizedExitCode: (m: Manifest) => String(m.scenarios["stop-optimized"].facts.exitCode),
  optimizedRequestFate: (m: Manifest) => m.scenarios["stop-optimized"].facts.inflightOutcome,
  graceSeconds: (m: Manifest) => `${m.scenarios["pid1-matrix"].facts.graceSeconds} s`,
  npmStartExitCode: (m: Manifest) => String(matrixRow(m, "npm start", true).exitCode),
  npmStartStopTime: (m: Manifest) => secondsText(matrixRow(m, "npm start", true).stopSeconds),
  nodeWithoutHandlerStopTime: (m: Manifest) => secondsText(matrixRow(m, "node", false).stopSeconds),
  nodeWithoutHandlerExitCode: (m: Manifest) => String(matrixRow(m, "node", false).exitCode),
  tiniWithoutHandlerExitCode: (m: Manifest) => String(matrixRow(m, "tini", false).exitCode),
  tiniWithoutHandlerEndedBy: (m: Manifest) => matrixRow(m, "tini", false).terminatingSignal ?? "its own exit",
  nodeWithoutHandlerEndedBy: (m: Manifest) => matrixRow(m, "node", false).terminatingSignal ?? "its own exit",
  tiniWithHandlerStopTime: (m: Manifest) => secondsText(matrixRow(m, "tini", true).stopSeconds),
  zombiesWithNode: (m: Manifest) =>
    String(present(zombieRow(m, "node")?.zombiesAfter, "zombies row for node as PID 1")),
  zombiesWithTini: (m: Manifest) =>
    String(present(zombieRow(m, "tini")?.zombiesAfter, "zombies row for tini as PID 1")),
  orphansStarted: (m: Manifest) =>
    String(present(m.scenarios.zombies.facts.rows[0]?.orphansStarted, "row in the zombies scenario")),
  naiveRebuildTime: (m: Manifest) => secondsText(rebuild(m, "naive").rebuildSeconds),
  optimizedRebuildTime: (m: Manifest) => secondsText(rebuild(m, "optimized").rebuildSeconds),
  rebuildSpeedup: (m: Manifest) =>
    `${(rebuild(m, "naive").rebuildSeconds / rebuild(m, "optimized").rebuildSeconds).toFixed(0)}×`,
  healthFlipFirst503: (m: Manifest) =>
    secondsText(present(m.scenarios["health-flip"].facts.first503AtSeconds, "first 503 in the health-flip recording")),
  rollingNaiveFailed: (m: Manifest) => String(rolling(m, "rolling-naive").failed),
  rollingNaiveSent: (m: Manifest) => String(rolling(m, "rolling-naive").totals.sent),
  rollingOptimizedFailed: (m: Manifest) => String(rolling(m, "rolling-optimized").failed),
  rollingOptimizedSent: (m: Manifest) => String(rolling(m, "rolling-optimized").totals.sent),
  rollingOptimizedP99: (m: Manifest) => `${Math.round(rolling(m, "rolling-optimized").latency.p99Ms)} ms`,
  rollingOptimizedDeployTime: (m: Manifest) => secondsText(rolling(m, "rolling-optimized").deploySeconds),
  rollingNoDrainFailed: (m: Manifest) => String(rolling(m, "rolling-no-drain-window").failed),
  rollingNoDrainSent: (m: Manifest) => String(rolling(m, "rolling-no-drain-window").totals.sent),
  rollingNoDrainFailedRange: (m: Manifest) => failureRange(rolling(m, "rolling-no-drain-window").failed),
  rollingRate: (m: Manifest) => `${rolling(m, "rolling-optimized").load.ratePerSecond} requests/s`,
  balancerSoftware: (m: Manifest) => rolling(m, "rolling-optimized").balancer.software.split(" - ")[0] ?? "",
  balancerInterval: (m: Manifest) => `${rolling(m, "rolling-optimized").balancer.intervalMs} ms`,
  balancerFall: (m: Manifest) => String(rolling(m, "rolling-optimized").balancer.fall),
  balancerRise: (m: Manifest) => String(rolling(m, "rolling-optimized").balancer.rise),
  /** How long the balancer can keep sending a replica new requests after /healthz flips: interval × fall. */
  balancerDetectionWindow: (m: Manifest) => {
    const { intervalMs, fall } = rolling(m, "rolling-optimized").balancer;
    return `${((intervalMs * fall) / 1000).toFixed(1)} s`;
  },
  readinessDelay: (m: Manifest) => {
    const delayMs = numberFrom(
      rolling(m, "rolling-optimized").replicaEnv.READINESS_DELAY_MS,
      "READINESS_DELAY_MS in the replicas' environment",
    );
    return secondsText(delayMs / 1000);
  },
  dockerEngine: (m: Manifest) => m.environment.dockerEngine,
  composeVersion: (m: Manifest) => m.environment.compose,
  nodeInImages: (m: Manifest) => m.environment.nodeInImages,
  npmInImages: (m: Manifest) => m.environment.npmInImages,
  recordedOn: (m: Manifest) => m.recordedAt.slice(0, 10),
} satisfies Record<string, (manifest: Manifest) => string>;

export type FactName = keyof typeof FACTS;

export function factValue(manifest: Manifest, name: string): string {
  const read = FACTS[name as FactName];
  if (!read)
    throw new Error(`<Fact name="${name}"> is not a known fact; known facts: ${Object.keys(FACTS).join(", ")}`);
  try {
    return read(manifest);
  } catch (error) {
    if (error instanceof MissingFactError)
      throw new Error(`the manifest has no value for the fact "${name}" (${error.message})`, { cause: error });
    throw error;
  }
}

/** The moment a recording shows a fact (as <Evidence> links it), and what is seen there, in words. */
export interface FactMoment {
  scenario: string;
  /** The kind of timeline event, e.g. "exit"; `occurrence` picks the nth of that kind (1 = first). */
  at: string;
  occurrence?: number;
  /** Completes "The answer comes from …": what the learner sees at that moment. */
  shows: string;
}

/**
 * Where each fact a prediction quiz asks about can be watched, so the reveal points the learner at
 * the recorded moment instead of naming a manifest field. A prediction on a fact missing here fails
 * the build.
 */
export const FACT_MOMENTS: Partial<Record<FactName, FactMoment>> = {
  naiveExitCode: {
    scenario: "stop-naive",
    at: "exit",
    shows: "the exit code Docker reported when the naive container stopped, in the recorded run below",
  },
  rollingNoDrainFailedRange: {
    scenario: "rolling-no-drain-window",
    at: "load-end",
    shows: "the load generator's count of failed requests at the end of the recorded deploy with no drain window",
  },
};

export function factMoment(name: string): FactMoment {
  const moment = FACT_MOMENTS[name as FactName];
  if (!moment)
    throw new Error(
      `the fact "${name}" has no recorded moment to show the answer at: add it to FACT_MOMENTS in lib/recordings/facts.ts`,
    );
  return moment;
}
