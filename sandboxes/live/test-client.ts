import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import type { LiveFrame } from "../../lib/live/events";
import { TERMINAL_EVENTS } from "../../lib/live/events";

/**
 * Reads a run's event stream until the run ends, `onFrame` returns true, or `timeoutMs` passes
 * (tests only).
 */
export async function readRun(base: string, id: string, timeoutMs: number, onFrame: (frame: LiveFrame) => boolean | void = () => {}): Promise<LiveFrame[]> {
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
  const response = await fetch(`${base}/api/runs`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: string } };
}

/** Starts `npm run demo:live` as its own process on a free port (tests only); resolves once it listens. */
export function startLiveServerProcess(saveDir: string): Promise<{ child: ChildProcessWithoutNullStreams; base: string; output: () => string }> {
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["sandboxes/live/server.ts", "--port", "0", "--save-to", saveDir], { env: process.env });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the live server did not start in 30 s:\n${output}`)), 30_000);
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
    child.on("exit", (code) => reject(new Error(`the live server exited with ${code}:\n${output}`)));
  });
}
