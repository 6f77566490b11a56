import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HAPROXY_CONFIG, backendServers, backendState, balancerSettings, parseStatsCsv } from "./balancer";
import { failedCount } from "@/lib/recordings/traffic";
import { countOutcome, emptyCounts, percentile } from "./load";

// The pure halves of the rolling-deploy probes: every outcome lands in exactly one bucket, and the
// balancer's view is read as HAProxy states it.
describe("counting a load's requests", () => {
  it("puts each outcome in exactly one bucket, and counts every non-2xx and error as failed", () => {
    const counts = emptyCounts();
    countOutcome(counts, { status: 200 });
    countOutcome(counts, { status: 204 });
    countOutcome(counts, { status: 503 });
    countOutcome(counts, { status: 502 });
    countOutcome(counts, { status: 503 });
    countOutcome(counts, { status: 404 });
    countOutcome(counts, { error: { code: "ECONNRESET", message: "read ECONNRESET" } });
    countOutcome(counts, { error: { message: "socket hang up" } });
    countOutcome(counts, { error: { message: "request timed out" } });
    countOutcome(counts, { error: { code: "ECONNREFUSED", message: "connect ECONNREFUSED" } });
    expect(counts).toEqual({
      sent: 10,
      ok: 2,
      httpErrors: { "503": 2, "502": 1, "404": 1 },
      resets: 2,
      timeouts: 1,
      otherErrors: 1,
    });
    expect(failedCount(counts)).toBe(8);
    expect(failedCount(emptyCounts())).toBe(0);
  });

  it("reads percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 99)).toBe(0);
  });
});

describe("the balancer's settings and view", () => {
  it("reads the health-check settings and the replicas' addresses from the haproxy.cfg the balancer runs", () => {
    const config = readFileSync(HAPROXY_CONFIG, "utf8");
    expect(balancerSettings(config, "HAProxy")).toMatchObject({
      checkPath: "/healthz",
      expectStatus: 200,
      intervalMs: 500,
      fall: 2,
      rise: 2,
      retries: 0,
    });
    expect(Object.keys(backendServers(config))).toEqual(["blue-1", "blue-2", "green-1", "green-2"]);
    expect(() => balancerSettings("defaults\n  retries 0\n", "HAProxy")).toThrow(/states no default-server line/);
  });

  it("tells a replica in rotation from one on its way out or in", () => {
    expect(["UP", "UP 1/2", "DOWN 1/2", "DOWN", "MAINT (resolution)", "no check"].map(backendState)).toEqual([
      "up",
      "going-down",
      "coming-up",
      "down",
      "absent",
      "down",
    ]);
  });

  it("reads each server's status from HAProxy's CSV stats, skipping the backend's own row and other proxies", () => {
    const csv = [
      "# pxname,svname,qcur,status,weight",
      "web,FRONTEND,,OPEN,",
      "app,blue-1,0,UP,1",
      "app,green-1,0,DOWN 1/2,1",
      "app,BACKEND,0,UP,1",
      "stats,FRONTEND,,OPEN,",
    ].join("\n");
    expect(parseStatsCsv(csv, "app")).toEqual({ "blue-1": "UP", "green-1": "DOWN 1/2" });
  });
});
