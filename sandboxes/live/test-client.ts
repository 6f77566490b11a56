import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { LiveFrame } from "@/lib/live/events";
import { TERMINAL_EVENTS } from "@/lib/live/events";

/**
 * Reads a run's event stream until the run ends, `onFrame` returns true, or `timeoutMs` passes
 * (tests only).
 */
export async function readRun(
  base: string,
  id: string,
  timeoutMs: number,
  onFrame: (frame: LiveFrame) => boolean | void = () => {},
): Promise<LiveFrame[]> {
  const frames: LiveFrame[] = [];
  const abort = AbortSignal.timeout(timeoutMs);
  const response = await fetch(`${base}/api/runs/${id}/events`, { signal: abort });
  if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    const blocks = buffered.split("\n\n");
    buffered = blocks.pop() ?? "";
    for (const block of blocks) {
      const data = block.split("\n").find((line) => line.startsWith("data: "));
      if (!data) continue;
      const frame = JSON.parse(data.slice("data: ".length)) as LiveFrame;
      frames.push(frame);
      if (onFrame(frame) === true || TERMINAL_EVENTS.has(frame.event.type)) {
        await response.body.cancel().catch(() => {});
        return frames;
      }
    }
  }
  return frames;
}

export async function startRun(base: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: string } };
}

export interface LiveServerProcess {
  child: ChildProcessWithoutNullStreams;
  base: string;
  output: () => string;
}

/**
 * Starts the live server as its own process on a free port (tests only); resolves once it listens.
 * It runs the file `npm run demo:live` runs, with tsx's loader in node itself rather than under the
 * tsx CLI: the CLI wraps the server in a second process and SIGKILLs it unless it acknowledges a
 * relayed signal within about 60 ms, so a test's SIGTERM would at times skip the very cleanup it
 * tests. `env` adds to this process's environment (a fake DOCKER_BIN, a TMPDIR to inspect).
 */
export function startLiveServerProcess(saveDir: string, env: Record<string, string> = {}): Promise<LiveServerProcess> {
  return startServerProcess("sandboxes/live/server.ts", ["--port", "0", "--save-to", saveDir], env);
}

/** Starts one of the course's servers (the live server, the lab runner) the same way, on the port its arguments name. */
export function startServerProcess(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<LiveServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env } });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not start in 30 s:\n${output}`));
    }, 30_000);
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${port}`, output: () => output });
      }
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

/** Sends SIGTERM and resolves with the exit code, or with a sentence if it has not exited within `ms` (tests only). */
export async function terminate(server: LiveServerProcess, ms: number): Promise<number | null | string> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
  server.child.kill("SIGTERM");
  return Promise.race([
    exited,
    new Promise<string>((resolve) => setTimeout(() => resolve(`still running ${ms / 1000} s after SIGTERM`), ms)),
  ]);
}

/** Every process below `rootPid` (tsx runs the server in a child of its own), with its command line (tests only). */
export function descendants(rootPid: number): { pid: number; args: string }[] {
  const table = spawnSync("ps", ["-e", "-o", "pid=,ppid=,args="], { encoding: "utf8" })
    .stdout.split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .flatMap((match) => (match ? [{ pid: Number(match[1]), ppid: Number(match[2]), args: match[3]! }] : []));
  const found: { pid: number; args: string }[] = [];
  let parents = new Set([rootPid]);
  // A process tree is finite, but a bound costs nothing: 20 generations is far more than a server makes.
  for (let generation = 0; generation < 20 && parents.size > 0; generation++) {
    const children = table.filter((entry) => parents.has(entry.ppid));
    found.push(...children.map(({ pid, args }) => ({ pid, args })));
    parents = new Set(children.map((entry) => entry.pid));
  }
  return found;
}
