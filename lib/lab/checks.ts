import { LOOPBACK_HOSTNAMES } from "@/lib/live/events";
import type { Manifest } from "@/lib/recordings/manifest-schema";

/**
 * What a lab run checks and how the page reaches the runner, without zod: the lab panel renders from
 * these on the lesson's first load; the wire's schemas (./protocol.ts) load only when a runner is used.
 */

/** The command that starts the runner, shown to everyone who has not started one. */
export const LAB_COMMAND = "npm run lab";
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
/**
 * The size check passes at up to this many times the optimized image's size: the same bases and
 * dependencies leave little room, while one leftover toolchain or dev dependency tree exceeds it.
 */
export const SIZE_BUDGET_FACTOR = 1.2;
/** docker stop's default grace period: SIGKILL follows SIGTERM after this long. */
export const STOP_GRACE_SECONDS = 10;

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
