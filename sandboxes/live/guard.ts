import type http from "node:http";
import * as z from "@/lib/site/zod";
import { LOOPBACK_HOSTNAMES } from "@/lib/live/events";
import { SCENARIO_NAMES } from "@/lib/recordings/manifest-schema";

/**
 * The live server runs real containers on the instructor's machine, so it answers only the
 * machine itself: loopback peers, a loopback Host header (no DNS rebinding), and pages from a
 * loopback origin or one named with --allow-origin (no other website can drive it).
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return plain === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  return match !== null && LOOPBACK_HOSTNAMES.has(match[1]!) && Number(match[2] ?? 80) === port;
}

/** A browser origin on this machine (any port: the site may be on 3000, the e2e server elsewhere). */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === "http:" || url.protocol === "https:") &&
      LOOPBACK_HOSTNAMES.has(url.hostname) &&
      url.origin === origin
    );
  } catch {
    return false;
  }
}

export function originAllowed(origin: string | undefined, extraOrigins: readonly string[]): boolean {
  return origin === undefined || isLoopbackOrigin(origin) || extraOrigins.includes(origin);
}

/** The only thing a client may ask for: one of the recorder's named scenarios, and nothing else. */
export const runRequestSchema = z.strictObject({ scenario: z.enum(SCENARIO_NAMES) });

export function parseRunRequest(
  body: string,
): { ok: true; scenario: (typeof SCENARIO_NAMES)[number] } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, message: 'the body must be JSON like {"scenario": "stop-optimized"}' };
  }
  const result = runRequestSchema.safeParse(json);
  if (result.success) return { ok: true, scenario: result.data.scenario };
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys")
    return {
      ok: false,
      message: `only "scenario" may be sent; refused: ${issue.keys.map((key) => `"${key}"`).join(", ")}`,
    };
  if (issue.path[0] === "scenario")
    return { ok: false, message: `"scenario" must be one of ${SCENARIO_NAMES.join(", ")}` };
  return { ok: false, message: 'the body must be JSON like {"scenario": "stop-optimized"}' };
}

/**
 * The first frame an event stream sends: the one after the client's Last-Event-ID (or ?after=),
 * else the first. Anything but a plain frame number starts from the beginning.
 */
export function firstFrameToSend(lastEventId: string | null): number {
  return lastEventId !== null && /^\d{1,9}$/.test(lastEventId) ? Number(lastEventId) + 1 : 0;
}

/** The servers' (live and lab) JSON answer, never cached. */
export function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...headers,
  });
  response.end(JSON.stringify(body));
}

/** A request's body as text, or undefined as soon as it passes `maxBytes`. */
export async function readBody(request: http.IncomingMessage, maxBytes: number): Promise<string | undefined> {
  let body = "";
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > maxBytes) return undefined;
  }
  return body;
}

/**
 * Closes the connection of a peer that is not this machine and says so. The servers bind to
 * 127.0.0.1; this holds even if that ever changes.
 */
export function refusedRemotePeer(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  log: (line: string) => void,
): boolean {
  if (isLoopbackAddress(request.socket.remoteAddress)) return false;
  log(`refused a connection from ${request.socket.remoteAddress}`);
  response.writeHead(403).end();
  request.socket.destroy();
  return true;
}
