import { spawn, spawnSync } from "node:child_process";

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
  const result = spawnSync(DOCKER, args, { env: BUILD_ENV, encoding: "utf8", input: options.input, maxBuffer: 256 * 1024 * 1024 });
  const outcome = { code: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
  if (outcome.code !== 0 && !options.allowFailure) {
    throw new Error(`docker ${args.join(" ")} failed (exit ${outcome.code}):\n${outcome.stderr || outcome.stdout}`);
  }
  return outcome;
}

/** Streams a long command (a build) and resolves when it ends; `onLine` sees every output line. */
export function run(command: string, args: string[], onLine: (line: string) => void, env: NodeJS.ProcessEnv = BUILD_ENV): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env });
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
      resolve(code ?? 1);
    });
  });
}

export function imageExists(tag: string): boolean {
  return docker(["image", "inspect", tag], { allowFailure: true }).code === 0;
}

export function engineReachable(): boolean {
  return spawnSync(DOCKER, ["version", "--format", "{{.Server.Version}}"], { encoding: "utf8" }).status === 0;
}
