import { describe, expect, it } from "vitest";
import { trafficChart } from "./traffic";

type Facts = Parameters<typeof trafficChart>[0];
const counts = (sent: number, failed503 = 0) => ({
  sent,
  ok: sent - failed503,
  httpErrors: failed503 ? { "503": failed503 } : {},
  resets: 0,
  timeouts: 0,
  otherErrors: 0,
});

describe("a rolling deploy's chart on the playback clock", () => {
  // A cast whose idle stretch from 10 s to 20 s (recorded) plays back as 3 s: playback = raw up to 10, raw - 7 after 20.
  const recording = {
    duration: 23,
    timeMap: [
      [0, 0],
      [10, 10],
      [20, 13],
      [30, 23],
    ] as Array<[number, number]>,
  };
  const facts = {
    loadStartedAt: 8,
    perSecond: [counts(250), counts(250, 40), counts(240)],
    backends: [
      { t: 8, states: { "blue-1": "up", "green-1": "down" } },
      { t: 9, states: { "blue-1": "going-down", "green-1": "up" } },
      { t: 9.5, states: { "blue-1": "going-down", "green-1": "up" } },
      { t: 21, states: { "blue-1": "absent", "green-1": "up" } },
    ],
  } as unknown as Facts;

  it("maps each second of load and each balancer sample from recorded to playback time", () => {
    const chart = trafficChart(facts, recording);
    expect(chart.seconds.map((second) => [second.start, second.end, second.ok, second.failed])).toEqual([
      [8, 9, 250, 0],
      [9, 10, 210, 40],
      [10, 10.3, 240, 0],
    ]);
    expect(chart.maxPerSecond).toBe(250);
  });

  it("merges a replica's samples into bands of one state, and leaves out the time it had no container", () => {
    const { replicas } = trafficChart(facts, recording);
    expect(replicas.find((replica) => replica.name === "blue-1")!.bands).toEqual([
      { start: 8, end: 9, state: "up" },
      { start: 9, end: 14, state: "going-down" },
    ]);
    expect(replicas.find((replica) => replica.name === "green-1")!.bands).toEqual([
      { start: 8, end: 9, state: "down" },
      { start: 9, end: 14, state: "up" },
    ]);
  });
});
