import * as z from "@/lib/site/zod";

/** Bump when the manifest's shape changes; the site refuses a manifest it does not understand. */
export const MANIFEST_SCHEMA_VERSION = 2;

export const SCENARIO_NAMES = [
  "stop-naive",
  "stop-optimized",
  "health-flip",
  "pid1-matrix",
  "zombies",
  "sizes",
  "build-cache",
  "secrets-and-user",
  "compose-up",
  "rolling-naive",
  "rolling-optimized",
  "rolling-no-drain-window",
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

const seconds = z.number().check(z.nonnegative());
const bytes = z.int().check(z.nonnegative());

/** A partial snapshot of what the state panel shows; events merge these in time order. */
export const statePatchSchema = z.partial(
  z.strictObject({
    container: z.enum(["created", "starting", "running", "stopping", "exited"]),
    health: z.enum(["none", "starting", "healthy", "unhealthy"]),
    httpHealth: z.union([z.literal(200), z.literal(503), z.literal("refused")]),
    pid1: z.string(),
    user: z.string(),
    inflight: z.enum(["none", "pending", "completed", "dropped"]),
    exitCode: z.int(),
    sigtermAt: seconds,
  }),
);
export type StatePatch = z.infer<typeof statePatchSchema>;

export const scenarioEventSchema = z.object({
  /** Seconds from the start of the cast; equal to a marker's time in the cast. */
  t: seconds,
  /** Equal to that marker's label. */
  label: z.string().check(z.minLength(1)),
  /** Machine-readable moment, e.g. "sigterm", "exit", "health-change", "request-end". */
  kind: z.string().check(z.minLength(1)),
  state: statePatchSchema,
});
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;

const inflightOutcome = z.enum(["completed", "dropped"]);
/** The app logged "received SIGTERM": its handler ran. Not the same as "the signal reached it" (see terminatingSignal). */
const appHandlerRan = z.boolean();
/** The signal that ended the app, read from the container's exit code (128 + n; tini and docker-init pass their child's on); null for a program's own exit. */
const terminatingSignal = z.nullable(z.enum(["SIGTERM", "SIGKILL", "SIGINT"]));

const stopFacts = z.object({
  image: z.enum(["naive", "optimized"]),
  pid1: z.string(),
  user: z.string(),
  stopSeconds: seconds,
  exitCode: z.int(),
  inflightOutcome,
  inflightHttpStatus: z.nullable(z.int()),
  appHandlerRan,
  terminatingSignal,
  /** What /healthz answered through the published port between SIGTERM and exit. */
  healthzAfterSigterm: z.array(z.union([z.literal(200), z.literal(503), z.literal("refused")])),
});

const healthFlipFacts = z.object({
  statuses: z.array(z.object({ t: seconds, engine: z.string(), http: z.union([z.int(), z.literal("refused")]) })),
  sawEngineStates: z.array(z.enum(["starting", "healthy", "unhealthy"])),
  first503AtSeconds: z.nullable(seconds),
  exitedAtSeconds: seconds,
  exitCode: z.int(),
});

const pid1Facts = z.object({
  graceSeconds: seconds,
  rows: z.array(
    z.object({
      pid1: z.enum(["npm start", "node", "tini", "docker run --init"]),
      pid1Command: z.string(),
      handler: z.boolean(),
      stopSeconds: seconds,
      exitCode: z.int(),
      inflightOutcome,
      appHandlerRan,
      terminatingSignal,
    }),
  ),
});

const zombieFacts = z.object({
  rows: z.array(
    z.object({
      pid1: z.enum(["node", "tini"]),
      /** POST /orphan answered 202: a child started a grandchild and exited, leaving an orphan. */
      orphansStarted: z.int(),
      /** Processes in state Z, read from /proc inside the container 1.5 s later. */
      zombiesAfter: z.int(),
    }),
  ),
});

const layerSchema = z.object({ createdBy: z.string(), sizeBytes: bytes });
const sizedImageSchema = z.object({
  name: z.string(),
  ref: z.string(),
  kind: z.enum(["base", "image"]),
  uncompressedBytes: bytes,
  compressedBytes: bytes,
  layers: z.array(layerSchema),
});

const sizeFacts = z.object({
  images: z.array(sizedImageSchema),
  floor: z.object({
    nodeBinaryBytes: bytes,
    sharedLibrariesBytes: bytes,
    prodNodeModulesBytes: bytes,
    appBytes: bytes,
    totalBytes: bytes,
  }),
});

const buildCacheFacts = z.object({
  change: z.string(),
  rows: z.array(
    z.object({
      image: z.enum(["naive", "optimized"]),
      rebuildSeconds: seconds,
      reinstalledDependencies: z.boolean(),
      stepsRun: z.int(),
      stepsCached: z.int(),
    }),
  ),
});

const secretsFacts = z.object({
  rows: z.array(
    z.object({
      image: z.enum(["naive", "optimized", "distroless"]),
      envFilePresent: z.boolean(),
      secretFound: z.boolean(),
      uid: z.int(),
      user: z.string(),
    }),
  ),
});

const composeFacts = z.object({
  healthyOrder: z.array(z.string()),
  secondsToHealthy: z.record(z.string(), seconds),
  appStartedAfterDependencies: z.boolean(),
  appConnectedTo: z.array(z.enum(["postgres", "redis"])),
  volume: z.string(),
  stopSeconds: seconds,
  appExitCode: z.int(),
});

const count = z.int().check(z.nonnegative());
/** What happened to the requests that ended in one second of a load (or in the whole run). */
const requestCountsSchema = z.object({
  /** Requests that ended: answered, or failed without an answer. */
  sent: count,
  ok: count,
  /** Answers outside 2xx by status code, e.g. {"502": 3, "503": 40}. */
  httpErrors: z.record(z.string().check(z.regex(/^\d{3}$/)), count),
  /** The connection was reset or closed before an answer (ECONNRESET, socket hang up). */
  resets: count,
  timeouts: count,
  /** Any other failure without an answer (ECONNREFUSED, …). */
  otherErrors: count,
});
export type RequestCountsFacts = z.infer<typeof requestCountsSchema>;

export const BACKEND_STATES = ["up", "going-down", "down", "coming-up", "absent"] as const;

const rollingFacts = z.object({
  image: z.enum(["naive", "optimized"]),
  /** Extra environment the replicas ran with (READINESS_DELAY_MS=0 for the no-drain-window variant). */
  replicaEnv: z.record(z.string(), z.string()),
  /** The balancer's health-check settings, read from the haproxy.cfg it ran with. */
  balancer: z.object({
    software: z.string(),
    checkPath: z.string(),
    expectStatus: z.int(),
    intervalMs: z.int().check(z.positive()),
    fall: z.int().check(z.positive()),
    rise: z.int().check(z.positive()),
    retries: z.int().check(z.nonnegative()),
  }),
  load: z.object({
    tool: z.string(),
    ratePerSecond: z.int().check(z.positive()),
    connections: z.int().check(z.positive()),
    path: z.string(),
  }),
  /** Every request whose outcome was seen: answered, or failed without an answer. */
  totals: requestCountsSchema,
  failed: count,
  latency: z.object({ p50Ms: z.number().check(z.nonnegative()), p99Ms: z.number().check(z.nonnegative()) }),
  deploySeconds: seconds,
  /** Cast time (s) at which the load started; perSecond[i] covers [loadStartedAt + i, loadStartedAt + i + 1). */
  loadStartedAt: seconds,
  perSecond: z.array(requestCountsSchema),
  /** The balancer's view of each replica, sampled about four times a second (cast time). */
  backends: z.array(z.object({ t: seconds, states: z.record(z.string(), z.enum(BACKEND_STATES)) })),
  replicas: z.array(z.object({ name: z.string(), role: z.enum(["old", "new"]), exitCode: z.nullable(z.int()) })),
});

function scenario<Facts extends z.ZodMiniType>(facts: Facts) {
  return z.object({
    file: z.string().check(z.regex(/^[a-z0-9-]+\.cast$/)),
    title: z.string().check(z.minLength(1)),
    durationSeconds: seconds,
    /** Which base images this recording's images were built on (see `bases`). */
    basesUsed: z.array(z.enum(["fat", "slim", "distroless"])),
    events: z.array(scenarioEventSchema),
    facts,
  });
}

const baseImageSchema = z.object({
  role: z.enum(["fat", "slim", "distroless"]),
  ref: z.string(),
  origin: z.enum(["stand-in", "official"]),
  imageId: z.string(),
  description: z.string(),
  /** sha256 of the node binary inside the base, measured at recording time (the stand-ins' is pinned in bases.ts). */
  nodeBinarySha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export const manifestSchema = z.strictObject({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  recordedAt: z.iso.datetime(),
  environment: z.object({
    dockerEngine: z.string(),
    compose: z.string(),
    hostArch: z.string(),
    kernel: z.string(),
    recorderNode: z.string(),
    nodeInImages: z.string(),
    npmInImages: z.string(),
  }),
  bases: z.object({ fat: baseImageSchema, slim: baseImageSchema, distroless: baseImageSchema }),
  scenarios: z.object({
    "stop-naive": scenario(stopFacts),
    "stop-optimized": scenario(stopFacts),
    "health-flip": scenario(healthFlipFacts),
    "pid1-matrix": scenario(pid1Facts),
    zombies: scenario(zombieFacts),
    sizes: scenario(sizeFacts),
    "build-cache": scenario(buildCacheFacts),
    "secrets-and-user": scenario(secretsFacts),
    "compose-up": scenario(composeFacts),
    "rolling-naive": scenario(rollingFacts),
    "rolling-optimized": scenario(rollingFacts),
    "rolling-no-drain-window": scenario(rollingFacts),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ScenarioFacts<Name extends ScenarioName> = Manifest["scenarios"][Name]["facts"];

/** Parses a manifest, or throws one message listing every problem with its path. */
export function parseManifest(json: unknown): Manifest {
  const result = manifestSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`The recordings manifest is not valid:\n${problems.join("\n")}`);
}
