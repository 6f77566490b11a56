import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import type { Bases } from "./bases";
import type { CastSession } from "./cast";
import { DOCKER, docker, dockerAsync } from "./docker";

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
  /**
   * Labels for every container, compose network and volume the run creates (RUN_LABEL among
   * them): cleanup finds the run's leftovers by them, and touches nothing else.
   */
  labels: Record<string, string>;
}

/** Names the run that created a container, network or volume. */
export const RUN_LABEL = "course.run";

/** `docker run` flags that put `labels` on a container. */
export const labelFlags = (labels: Record<string, string> = {}) =>
  Object.entries(labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]);

/** Waits `ms`; an aborted `signal` ends the wait early by throwing its reason. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    signal?.addEventListener("abort", stop, { once: true });
  });
}

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
    const request = http.get(
      url,
      { agent: false, timeout: timeoutMs, headers: { connection: "close" } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve("refused"));
  });
}

/** Polls until `check` returns true, at most `attempts` times (every loop here stops by itself), or until `signal` aborts. */
export async function pollUntil(
  check: () => Promise<boolean> | boolean,
  attempts: number,
  intervalMs: number,
  signal?: AbortSignal,
): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    signal?.throwIfAborted();
    if (await check()) return true;
    await sleep(intervalMs, signal);
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

/**
 * Removes every container, network and volume carrying `label` ("key=value"), and nothing else:
 * what an interrupted run left behind. Each engine call is bounded in time. Returns the names of
 * the containers it removed.
 */
export async function removeLabelled(label: string): Promise<string[]> {
  const filter = ["--filter", `label=${label}`];
  const lines = async (args: string[]) =>
    (await dockerAsync(args)).stdout
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  const containers = (await lines(["ps", "-a", ...filter, "--format", "{{.ID}} {{.Names}}"])).map((line) =>
    line.split(" "),
  );
  if (containers.length > 0) await dockerAsync(["rm", "-f", "-v", ...containers.map(([id]) => id!)]);
  const networks = await lines(["network", "ls", "-q", ...filter]);
  if (networks.length > 0) await dockerAsync(["network", "rm", ...networks]);
  const volumes = await lines(["volume", "ls", "-q", ...filter]);
  if (volumes.length > 0) await dockerAsync(["volume", "rm", "-f", ...volumes]);
  return containers.map(([, name]) => name!);
}
