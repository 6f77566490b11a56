import { DEFAULT_LIVE_SERVER, LOOPBACK_HOSTNAMES, type LiveFrame } from "./events";
import { endsRun } from "./timeline";

/** What the presenter knows about `npm run demo:live` ("idle": not looked for, since nothing asked for live mode yet). */
export type LiveServerStatus =
  { state: "idle" } | { state: "checking" } | { state: "unavailable"; reason: string } | { state: "ready" };

/** The live server named by the page's `?live=` (a loopback http URL only), else the default. */
export function liveServerFrom(search: string): string {
  const requested = new URLSearchParams(search).get("live");
  if (!requested) return DEFAULT_LIVE_SERVER;
  try {
    const url = new URL(requested);
    if (url.protocol === "http:" && LOOPBACK_HOSTNAMES.has(url.hostname)) return url.origin;
  } catch {
    // fall through to the default
  }
  return DEFAULT_LIVE_SERVER;
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `the live server answered HTTP ${response.status}`);
  return body;
}

export async function checkLiveServer(base: string): Promise<LiveServerStatus> {
  try {
    const status = await call<{ engine: boolean }>(`${base}/api/status`);
    return status.engine
      ? { state: "ready" }
      : { state: "unavailable", reason: "the live server is running but no Docker engine is reachable from it" };
  } catch {
    return { state: "unavailable", reason: `no live server answers at ${base} (start one with npm run demo:live)` };
  }
}

export const startLiveRun = (base: string, scenario: string) =>
  call<{ id: string }>(`${base}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenario }),
  });

export const cancelLiveRun = (base: string, id: string) =>
  call<unknown>(`${base}/api/runs/${id}`, { method: "DELETE" });

export const saveLiveRun = (base: string, id: string) =>
  call<{ cast: string; manifest: string }>(`${base}/api/runs/${id}/save`, { method: "POST" });

export async function fetchLiveCast(base: string, id: string): Promise<string> {
  const response = await fetch(`${base}/api/runs/${id}/cast`);
  if (!response.ok) throw new Error(`the live run's recording could not be loaded (HTTP ${response.status})`);
  return response.text();
}

/**
 * Follows a run's event stream until it ends. EventSource reconnects by itself (resuming after
 * the last id); after five failures in a row with nothing received, it gives up and says so. A
 * reconnect answered with an HTTP error (a restarted server's 404) closes the stream for good,
 * with one error and no retry: that is a lost server at once.
 */
export function followLiveRun(
  base: string,
  id: string,
  onFrame: (frame: LiveFrame) => void,
  onLost: () => void,
): () => void {
  const source = new EventSource(`${base}/api/runs/${id}/events`);
  let failures = 0;
  source.onmessage = (message: MessageEvent<string>) => {
    failures = 0;
    const frame = JSON.parse(message.data) as LiveFrame;
    onFrame(frame);
    if (endsRun(frame)) source.close();
  };
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED || ++failures >= 5) {
      source.close();
      onLost();
    }
  };
  return () => source.close();
}
