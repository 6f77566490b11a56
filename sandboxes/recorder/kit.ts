import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import type { Bases } from "./bases";
import type { CastSession } from "./cast";
import { DOCKER, docker } from "./docker";

export interface BuiltImages {
  naive: string;
  optimized: string;
  distroless: string;
}

export interface ScenarioContext {
  session: CastSession;
  images: BuiltImages;
  bases: Bases;
  /** Progress for the person running the recorder (not part of the cast). */
  progress: (message: string) => void;
  /** A folder this run may write to (build contexts, scratch files). */
  workDir: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free port on 127.0.0.1: containers are only ever published on loopback. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type HttpHealth = 200 | 503 | "refused";

/** One GET on a fresh connection, bounded in time; anything but an HTTP answer counts as refused. */
export function probe(url: string, timeoutMs = 800): Promise<number | "refused"> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs, headers: { connection: "close" } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve("refused"));
  });
}

/** Polls until `check` returns true, at most `attempts` times: every loop here stops by itself. */
export async function pollUntil(check: () => Promise<boolean> | boolean, attempts: number, intervalMs: number): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return true;
    await sleep(intervalMs);
  }
  return false;
}

export function removeContainer(name: string): void {
  docker(["rm", "-f", name], { allowFailure: true });
}

export function inspect(name: string, format: string): string {
  return docker(["inspect", "--format", format, name], { allowFailure: true }).stdout.trim();
}

/** PID 1's command line and user, read from the host's /proc (works even in images with no shell). */
export function pid1Identity(name: string): { pid1: string; user: string } {
  const hostPid = inspect(name, "{{.State.Pid}}");
  const cmdline = readFileSync(`/proc/${hostPid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${hostPid}/status`, "utf8"))?.[1] ?? "?";
  return { pid1: cmdline, user: uid === "0" ? "root (uid 0)" : uid === "1000" ? "node (uid 1000)" : `uid ${uid}` };
}

export function engineHealth(name: string): "none" | "starting" | "healthy" | "unhealthy" {
  const status = inspect(name, "{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}");
  return status === "starting" || status === "healthy" || status === "unhealthy" ? status : "none";
}

export { DOCKER };

/** Every scenario names its containers (and its compose project) `course-…`. */
const SCENARIO_PREFIX = "^course-";
const COMPOSE_PROJECT_LABEL = "label=com.docker.compose.project=course-compose";

/**
 * Removes whatever an interrupted scenario left behind: its containers, and the compose stack's
 * network and volume. Returns the names of the containers it removed.
 */
export function removeScenarioLeftovers(): string[] {
  const lines = (args: string[]) => docker(args, { allowFailure: true }).stdout.split("\n").map((line) => line.trim()).filter(Boolean);
  const containers = lines(["ps", "-a", "--filter", `name=${SCENARIO_PREFIX}`, "--format", "{{.Names}}"]);
  if (containers.length > 0) docker(["rm", "-f", "-v", ...containers], { allowFailure: true });
  const networks = lines(["network", "ls", "-q", "--filter", COMPOSE_PROJECT_LABEL]);
  if (networks.length > 0) docker(["network", "rm", ...networks], { allowFailure: true });
  const volumes = lines(["volume", "ls", "-q", "--filter", COMPOSE_PROJECT_LABEL]);
  if (volumes.length > 0) docker(["volume", "rm", "-f", ...volumes], { allowFailure: true });
  return containers;
}
