import { z } from "@/lib/site/zod";
import { LOOPBACK_HOSTNAMES } from "@/lib/live/events";
import type { Manifest } from "@/lib/recordings/manifest-schema";

/**
 * The wire protocol between the lab panel (the page) and `npm run lab` (the learner's own runner):
 * the page POSTs one Dockerfile's text and reads the run back as NDJSON, one event per line, each
 * check sent the moment it has been measured.
 */

/** `npm run lab` listens here unless `-- --port` says otherwise. */
export const DEFAULT_LAB_PORT = 4300;
/** Every request carries the token the runner printed at start-up (the Jupyter model). */
export const LAB_TOKEN_HEADER = "x-lab-token";
/** A Dockerfile is text a person writes; the optimized one is under 4 KiB. */
export const MAX_DOCKERFILE_BYTES = 16 * 1024;

export const LAB_CHECKS = [
  { id: "size", title: "Image size" },
  { id: "user", title: "The process does not run as root" },
  { id: "env-file", title: "No .env anywhere in the image" },
  { id: "healthcheck", title: "A HEALTHCHECK that turns healthy" },
  { id: "graceful-stop", title: "docker stop with a request in flight: completed, exit 0, within the grace period" },
  { id: "rebuild-cache", title: "A code-only rebuild reuses the dependency install layer" },
] as const;
export type LabCheckId = (typeof LAB_CHECKS)[number]["id"];
const checkIds = LAB_CHECKS.map((check) => check.id) as [LabCheckId, ...LabCheckId[]];

/**
 * The size check passes at up to this many times the optimized image's size: the same bases and
 * dependencies leave little room, while one leftover toolchain or dev dependency tree exceeds it.
 */
export const SIZE_BUDGET_FACTOR = 1.2;
/** docker stop's default grace period: SIGKILL follows SIGTERM after this long. */
export const STOP_GRACE_SECONDS = 10;

export const labRunRequestSchema = z.strictObject({
  dockerfile: z
    .string({ error: "send the Dockerfile's text as a string" })
    .min(1, { error: "the Dockerfile is empty" })
    .refine((text) => new TextEncoder().encode(text).length <= MAX_DOCKERFILE_BYTES, {
      error: `the Dockerfile is larger than ${MAX_DOCKERFILE_BYTES / 1024} KiB`,
    }),
});
export type LabRunRequest = z.infer<typeof labRunRequestSchema>;

export const labStatusSchema = z.strictObject({
  engine: z.boolean(),
  busy: z.boolean(),
  bases: z.enum(["stand-in", "official"]),
});
export type LabStatus = z.infer<typeof labStatusSchema>;

export const labCheckResultSchema = z.strictObject({
  id: z.enum(checkIds),
  passed: z.boolean(),
  /** What this run measured, for a person ("229 MB", "node (uid 1000)"). */
  measured: z.string(),
  /** The optimized image's value from the committed recordings' manifest. */
  optimized: z.string(),
  /** Why it passed or failed, in one sentence. */
  detail: z.string(),
});
export type LabCheckResult = z.infer<typeof labCheckResultSchema>;

export const labEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("accepted"), runId: z.string().min(1) }),
  /** What the runner is doing now (building, starting the container…). */
  z.strictObject({ type: z.literal("phase"), message: z.string() }),
  /** Terminal output of the build and the commands, as the recording stores it. */
  z.strictObject({ type: z.literal("output"), data: z.string() }),
  z.strictObject({ type: z.literal("check"), result: labCheckResultSchema }),
  z.strictObject({
    type: z.literal("finished"),
    passed: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    seconds: z.number().nonnegative(),
  }),
  z.strictObject({ type: z.literal("failed"), message: z.string() }),
  z.strictObject({ type: z.literal("cancelled"), removedContainers: z.array(z.string()) }),
]);
export type LabEvent = z.infer<typeof labEventSchema>;

/** Parses one NDJSON line from the runner; a line that is not a known event is a readable error. */
export function parseLabEvent(line: string): { ok: true; event: LabEvent } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, message: `the runner sent a line that is not JSON: ${line.slice(0, 80)}` };
  }
  const result = labEventSchema.safeParse(json);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    message: `the runner sent an event this page does not understand (is the runner from another version of the course?): ${line.slice(0, 80)}`,
  };
}

export interface RunnerAddress {
  /** http://127.0.0.1:<port>, with no path. */
  origin: string;
  token: string;
}

/**
 * Reads the URL `npm run lab` prints (http://127.0.0.1:4300/?token=…). Only a loopback http
 * address is accepted: the runner never listens anywhere else, so anything else is a mistake or a trap.
 */
export function parseRunnerUrl(text: string): { ok: true; address: RunnerAddress } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, message: "paste the whole URL the runner printed, starting with http://127.0.0.1:" };
  }
  if (url.protocol !== "http:" || !LOOPBACK_HOSTNAMES.has(url.hostname))
    return { ok: false, message: "the runner only listens on this machine: its URL starts with http://127.0.0.1:" };
  const token = url.searchParams.get("token") ?? "";
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token))
    return { ok: false, message: "the URL has no token (…/?token=…): copy the whole line the runner printed" };
  return { ok: true, address: { origin: url.origin, token } };
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const userName = (row: { user: string; uid: number }) => `${row.user} (uid ${row.uid})`;

export const formatLab = { megabytes, userName };

/** One check's recorded values: the naive image's and the optimized image's, as a person reads them. */
export interface LabReferenceRow {
  id: LabCheckId;
  title: string;
  naive: string;
  optimized: string;
}

/**
 * What the recordings measured for each check, naive vs optimized: the runner compares a run
 * against the optimized column, and the panel shows both when no runner is connected.
 */
export function labReference(manifest: Manifest): LabReferenceRow[] {
  const { scenarios } = manifest;
  const sizeOf = (name: "naive image" | "optimized image") => {
    const image = scenarios.sizes.facts.images.find((candidate) => candidate.name === name);
    if (!image) throw new Error(`the manifest's sizes scenario has no "${name}" row`);
    return image.uncompressedBytes;
  };
  const secrets = (image: "naive" | "optimized") => {
    const row = scenarios["secrets-and-user"].facts.rows.find((candidate) => candidate.image === image);
    if (!row) throw new Error(`the manifest's secrets-and-user scenario has no ${image} row`);
    return row;
  };
  const rebuild = (image: "naive" | "optimized") => {
    const row = scenarios["build-cache"].facts.rows.find((candidate) => candidate.image === image);
    if (!row) throw new Error(`the manifest's build-cache scenario has no ${image} row`);
    return row.reinstalledDependencies ? "dependencies reinstalled" : "install step cached";
  };
  const stop = (facts: Manifest["scenarios"]["stop-naive"]["facts"]) =>
    `${facts.inflightOutcome}, exit ${facts.exitCode}, ${facts.stopSeconds.toFixed(1)} s`;
  const sawHealthy = (events: Manifest["scenarios"]["stop-naive"]["events"]) =>
    events.some((event) => event.state.health === "healthy") ? "healthy" : "no health status (no HEALTHCHECK)";
  const values: Record<LabCheckId, { naive: string; optimized: string }> = {
    size: { naive: megabytes(sizeOf("naive image")), optimized: megabytes(sizeOf("optimized image")) },
    user: { naive: userName(secrets("naive")), optimized: userName(secrets("optimized")) },
    "env-file": {
      naive: secrets("naive").envFilePresent ? ".env present" : "no .env",
      optimized: secrets("optimized").envFilePresent ? ".env present" : "no .env",
    },
    healthcheck: {
      naive: sawHealthy(scenarios["stop-naive"].events),
      optimized: sawHealthy(scenarios["stop-optimized"].events),
    },
    "graceful-stop": {
      naive: stop(scenarios["stop-naive"].facts),
      optimized: stop(scenarios["stop-optimized"].facts),
    },
    "rebuild-cache": { naive: rebuild("naive"), optimized: rebuild("optimized") },
  };
  return LAB_CHECKS.map((check) => ({ ...check, ...values[check.id] }));
}

/** The optimized image's bytes, which the size check's budget is a multiple of. */
export function optimizedImageBytes(manifest: Manifest): number {
  const image = manifest.scenarios.sizes.facts.images.find((candidate) => candidate.name === "optimized image");
  if (!image) throw new Error('the manifest\'s sizes scenario has no "optimized image" row');
  return image.uncompressedBytes;
}
