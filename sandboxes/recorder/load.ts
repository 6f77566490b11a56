import autocannon from "autocannon";

/** What happened to the requests that ended in one second of the load (or in the whole run). */
export interface RequestCounts {
  /** Requests that ended in this second: answered, or failed without an answer. */
  sent: number;
  ok: number;
  /** Answers with a status outside 2xx, by status code ("502", "503", …). */
  httpErrors: Record<string, number>;
  /** The connection was reset or closed before an answer (ECONNRESET, socket hang up). */
  resets: number;
  timeouts: number;
  /** Any other failure without an answer (ECONNREFUSED, …). */
  otherErrors: number;
}

export const emptyCounts = (): RequestCounts => ({
  sent: 0,
  ok: 0,
  httpErrors: {},
  resets: 0,
  timeouts: 0,
  otherErrors: 0,
});

export const failedCount = (counts: RequestCounts) =>
  Object.values(counts.httpErrors).reduce((sum, n) => sum + n, 0) +
  counts.resets +
  counts.timeouts +
  counts.otherErrors;

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
  /** Requests per second across all connections (autocannon's overallRate). */
  rate: number;
  connections: number;
  /** An upper bound: the load stops by itself after this many seconds even if nobody stops it. */
  maxSeconds: number;
}

/**
 * A fixed-rate load (autocannon) that counts every request's outcome per second of the run and
 * in total. Only ever pointed at 127.0.0.1: the balancer's published port.
 */
export function startLoad(options: LoadOptions) {
  if (new URL(options.url).hostname !== "127.0.0.1")
    throw new Error(`the load generator targets 127.0.0.1 only, not ${options.url}`);
  const startedAt = Date.now();
  const perSecond: RequestCounts[] = [];
  const total = emptyCounts();
  const latenciesMs: number[] = [];
  const record = (outcome: RequestOutcome) => {
    const second = Math.floor((Date.now() - startedAt) / 1000);
    while (perSecond.length <= second) perSecond.push(emptyCounts());
    countOutcome(perSecond[second]!, outcome);
    countOutcome(total, outcome);
  };
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      overallRate: options.rate,
      duration: options.maxSeconds,
      timeout: 10,
    },
    () => finished(),
  );
  instance.on("response", (_client, status, _bytes, responseTime) => {
    latenciesMs.push(responseTime);
    record({ status });
  });
  instance.on("reqError", (error: { code?: string; message?: string }) => record({ error }));
  return {
    startedAt,
    perSecond,
    total,
    /** The last completed second's counts (for the once-a-second terminal line). */
    second: (index: number) => perSecond[index] ?? emptyCounts(),
    latency: () => ({ p50Ms: percentile(latenciesMs, 50), p99Ms: percentile(latenciesMs, 99) }),
    stop: async () => {
      instance.stop();
      await done;
    },
  };
}
