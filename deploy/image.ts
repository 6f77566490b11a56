/**
 * Builds and measures the course's own image (deploy/Dockerfile): what `npm run bench:image` prints
 * and what deploy/image.docker.test.ts asserts come from these same functions.
 */
import path from "node:path";
import { debianBaseRef, ensureBases } from "../sandboxes/recorder/bases";
import { DOCKER, docker, run } from "../sandboxes/recorder/docker";
import { caSecretArgs } from "../sandboxes/recorder/images";
import { engineHealth, pollUntil } from "../sandboxes/recorder/kit";

export const REPO_DIR = path.resolve(__dirname, "..");
export const COURSE_DOCKERFILE = path.join(REPO_DIR, "deploy", "Dockerfile");
/** The port nginx listens on inside the container (unprivileged: no root needed to bind it). */
export const CONTAINER_PORT = 8080;

export type BaseKind = "stand-in" | "official";

/** `--bases official` → node:20-slim and debian:bookworm-slim; otherwise the recorder's stand-ins. */
export function baseKindFrom(argv: string[]): BaseKind {
  const at = argv.indexOf("--bases");
  const value = at === -1 ? "stand-in" : argv[at + 1];
  if (value !== "stand-in" && value !== "official")
    throw new Error(`--bases takes "stand-in" or "official", got "${value ?? ""}"`);
  return value;
}

/**
 * Builds the image on the chosen bases (or only up to a stage, with `target`); resolves with the
 * build's wall time in seconds.
 */
export async function buildCourseImage(
  kind: BaseKind,
  tag: string,
  log: (line: string) => void,
  target?: "build" | "runtime",
): Promise<number> {
  const bases = await ensureBases(kind, log);
  const args = [
    "build",
    "--progress=plain",
    ...caSecretArgs(),
    ...(target ? ["--target", target] : []),
    "-f",
    COURSE_DOCKERFILE,
    "--build-arg",
    `NODE_IMAGE=${bases.slim.ref}`,
    "--build-arg",
    `DEBIAN_IMAGE=${debianBaseRef(kind)}`,
    "-t",
    tag,
    REPO_DIR,
  ];
  const output: string[] = [];
  const started = Date.now();
  const code = await run(DOCKER, args, (line) => output.push(line));
  if (code !== 0) throw new Error(`building ${tag} failed:\n${output.slice(-40).join("\n")}`);
  return (Date.now() - started) / 1000;
}

/** The image's size as `docker images` reports it (uncompressed, every layer). */
export function imageBytes(tag: string): number {
  return Number(docker(["image", "inspect", "--format", "{{.Size}}", tag]).stdout.trim());
}

/** Starts the image published on 127.0.0.1:<hostPort> only. */
export function startCourseContainer(tag: string, name: string, hostPort: number): void {
  docker(["rm", "-f", name], { allowFailure: true });
  docker(["run", "-d", "--name", name, "-p", `127.0.0.1:${hostPort}:${CONTAINER_PORT}`, tag]);
}

/** Waits (bounded: at most 30 s) until the engine reports the container healthy. */
export function waitHealthy(name: string): Promise<boolean> {
  return pollUntil(() => engineHealth(name) === "healthy", 60, 500);
}

/** `docker stop` (the image's STOPSIGNAL, then SIGKILL after 10 s): its wall time and the exit code. */
export function stopAndMeasure(name: string): { seconds: number; exitCode: number } {
  const started = process.hrtime.bigint();
  docker(["stop", "--time", "10", name]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const exitCode = Number(docker(["inspect", "--format", "{{.State.ExitCode}}", name]).stdout.trim());
  return { seconds, exitCode };
}
