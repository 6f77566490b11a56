import { execFile, spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";

/**
 * Debian's docker client matches its 20.10 engine; a newer client elsewhere on PATH lacks buildx.
 * DOCKER_BIN overrides it on machines with a different setup.
 */
export const DOCKER = process.env.DOCKER_BIN ?? "/usr/bin/docker";
export const BUILD_ENV = { ...process.env, DOCKER_BUILDKIT: "1" };

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs docker to completion and returns its output; throws with the output when it fails. */
export function docker(args: string[], options: { allowFailure?: boolean; input?: string } = {}): CommandResult {
  const result = spawnSync(DOCKER, args, {
    env: BUILD_ENV,
    encoding: "utf8",
    input: options.input,
    maxBuffer: 256 * 1024 * 1024,
  });
  const outcome = { code: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
  if (outcome.code !== 0 && !options.allowFailure) {
    throw new Error(`docker ${args.join(" ")} failed (exit ${outcome.code}):\n${outcome.stderr || outcome.stdout}`);
  }
  return outcome;
}

/**
 * Runs docker without blocking the event loop, killed after `timeoutMs` (a hung engine never
 * answers). Never throws: a failure or a timeout is a non-zero code.
 */
export function dockerAsync(args: string[], timeoutMs = 15_000): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      DOCKER,
      args,
      { env: BUILD_ENV, encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({
          code,
          stdout,
          stderr: error?.killed ? `docker ${args[0]} did not answer within ${timeoutMs / 1000} s` : stderr,
        });
      },
    );
  });
}

/**
 * Spawns a command that `signal` stops. With a signal the command leads its own process group
 * and an abort kills the whole group, so what it started dies with it (debootstrap's helpers, a
 * shell pipeline, a docker CLI plugin). Without one it stays in ours, so a terminal's Ctrl-C
 * still reaches it.
 */
export function spawnKillable(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): ChildProcessWithoutNullStreams {
  const child = spawn(command, args, { env, detached: signal !== undefined });
  if (!signal) return child;
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // the group has already exited
    }
  };
  if (signal.aborted) killGroup();
  signal.addEventListener("abort", killGroup, { once: true });
  child.once("close", () => signal.removeEventListener("abort", killGroup));
  return child;
}

/**
 * Streams a long command (a build) and resolves with its exit code when it ends; `onLine` sees
 * every output line. Once `signal` aborts, the command is killed and this rejects with the reason.
 */
export function run(
  command: string,
  args: string[],
  onLine: (line: string) => void,
  options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {},
): Promise<number> {
  const { env = BUILD_ENV, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const child = spawnKillable(command, args, env, signal);
    let pending = "";
    const take = (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", reject);
    child.on("close", (code) => {
      if (pending) onLine(pending);
      if (signal?.aborted) reject(signal.reason);
      else resolve(code ?? 1);
    });
  });
}

export function imageExists(tag: string): boolean {
  return docker(["image", "inspect", tag], { allowFailure: true }).code === 0;
}

const ENGINE_VERSION_ARGS = ["version", "--format", "{{.Server.Version}}"];

/** Whether an engine answers within `timeoutMs`, without blocking: what a server asks. */
export async function probeEngine(timeoutMs = 3_000): Promise<boolean> {
  return (await dockerAsync(ENGINE_VERSION_ARGS, timeoutMs)).code === 0;
}

/** The same question, synchronously (bounded): for scripts and test files deciding up front. */
export function engineReachable(timeoutMs = 10_000): boolean {
  return (
    spawnSync(DOCKER, ENGINE_VERSION_ARGS, { encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL" }).status === 0
  );
}
