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
