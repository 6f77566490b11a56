import http from "node:http";
import { performance } from "node:perf_hooks";
import type { RequestCountsFacts } from "@/lib/recordings/manifest-schema";

/** The manifest's shape for a load's counts, filled in as the requests end. */
export type RequestCounts = RequestCountsFacts;

export const emptyCounts = (): RequestCounts => ({
  sent: 0,
  ok: 0,
  httpErrors: {},
  resets: 0,
  timeouts: 0,
  otherErrors: 0,
});

export type RequestOutcome = { status: number } | { error: { code?: string; message?: string } };

/** Adds one request's outcome to the counts: every request lands in exactly one bucket. */
export function countOutcome(counts: RequestCounts, outcome: RequestOutcome): void {
  counts.sent++;
  if ("status" in outcome) {
    if (outcome.status >= 200 && outcome.status < 300) counts.ok++;
    else counts.httpErrors[String(outcome.status)] = (counts.httpErrors[String(outcome.status)] ?? 0) + 1;
    return;
  }
  const { code, message = "" } = outcome.error;
  if (/timed out/i.test(message)) counts.timeouts++;
  else if (code === "ECONNRESET" || code === "EPIPE" || /socket hang up|other side closed/i.test(message))
    counts.resets++;
  else counts.otherErrors++;
}

/** The value at percentile p (0..100) of the values, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LoadOptions {
  url: string;
  /** Requests per second, sent on schedule whether or not earlier ones were answered (an open loop). */
  rate: number;
  /**
   * At most this many keep-alive connections; a request due while all are busy waits for one. Set
   * it above rate × the longest a request can hang, or the wait turns the open loop into a closed one.
   */
  connections: number;
  /** An upper bound: the load stops sending by itself after this many seconds even if nobody stops it. */
  maxSeconds: number;
  /** A request not answered within this long is abandoned and counted as a timeout. */
  timeoutMs?: number;
}

/** What the load is called in the manifest and on the page. */
export const LOAD_TOOL = `Node.js ${process.version} http client, no retries`;

/**
 * A fixed-rate load that counts every request it sends, once: answered (by status), or failed
 * without an answer (reset, timeout, other), per second of the run and in total. Only ever pointed
 * at 127.0.0.1: the balancer's published port.
 *
 * Written on Node's own client rather than a benchmarking tool because a probe must see what it
 * counts: autocannon 9 quietly reconnects and sends again when a connection closes before the
 * answer, so a request the balancer dropped was counted as a slow success, and it does not count
 * requests still in flight when it stops. Node's client reports both, and never retries.
 */
export function startLoad({ url, rate, connections, maxSeconds, timeoutMs = 10_000 }: LoadOptions) {
  if (new URL(url).hostname !== "127.0.0.1") throw new Error(`the load generator targets 127.0.0.1 only, not ${url}`);
  const startedAt = Date.now();
  const perSecond: RequestCounts[] = [];
  const total = emptyCounts();
  const latenciesMs: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const inFlight = new Set<Promise<void>>();
  const record = (outcome: RequestOutcome) => {
    const second = Math.floor((Date.now() - startedAt) / 1000);
    while (perSecond.length <= second) perSecond.push(emptyCounts());
    countOutcome(perSecond[second]!, outcome);
    countOutcome(total, outcome);
  };

  const send = () => {
    const began = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      let settled = false;
      const settle = (outcome: RequestOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if ("status" in outcome) latenciesMs.push(performance.now() - began);
        record(outcome);
        resolve();
      };
      try {
        const request = http.get(url, { agent }, (response) => {
          response.resume();
          response.on("end", () => settle({ status: response.statusCode ?? 0 }));
          response.on("error", (error: NodeJS.ErrnoException) => settle({ error }));
        });
        request.on("error", (error: NodeJS.ErrnoException) => settle({ error }));
        timer = setTimeout(() => {
          settle({ error: { message: `timed out after ${timeoutMs} ms` } });
          request.destroy();
        }, timeoutMs);
      } catch (error) {
        settle({ error: error as NodeJS.ErrnoException });
      }
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };

  // Sends whatever the schedule says is due, then sleeps until the next request is: a stall in
  // this process is caught up at once, so the rate over the run holds.
  const due = rate * maxSeconds;
  let issued = 0;
  let sender: NodeJS.Timeout | undefined;
  const sendDue = () => {
    const scheduled = Math.min(due, Math.floor(((Date.now() - startedAt) / 1000) * rate) + 1);
    for (; issued < scheduled; issued++) send();
    if (issued < due) sender = setTimeout(sendDue, Math.max(0, startedAt + (issued / rate) * 1000 - Date.now()));
  };
  sendDue();

  return {
    startedAt,
    perSecond,
    total,
    /** The counts of one second of the run (for the once-a-second terminal line). */
    second: (index: number) => perSecond[index] ?? emptyCounts(),
    /** How many requests it has sent so far. */
    issued: () => issued,
    /** Percentiles of the time from sending a request to its answer's end (answered requests only). */
    latency: () => ({ p50Ms: percentile(latenciesMs, 50), p99Ms: percentile(latenciesMs, 99) }),
    /** Stops sending, then waits for every request still in flight (each bounded by its timeout). */
    stop: async () => {
      clearTimeout(sender);
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      agent.destroy();
    },
  };
}
