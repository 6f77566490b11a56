import { describe, expect, it } from "vitest";
import { parseProcessList, zombiesIn } from "./processes";
import { rebuildSteps } from "./scenarios/build-cache";
import { composeFindings } from "./scenarios/compose-up";
import { terminatingSignal } from "./stop-experiment";

// The pure halves of the recorder's probes, each shown both outcomes. The Docker-backed halves
// (forcing the real opposite case on the engine) are in controls.docker.test.ts.
describe("the process listing read from /proc inside a container", () => {
  it("finds the zombies (state Z) and only them", () => {
    const listing = [
      "1 (node) S 0",
      "21 (node) Z 1",
      "35 (node) Z 1",
      "81 (sh) R 0",
      "cut: /proc/90/stat: No such file or directory",
    ].join("\n");
    expect(zombiesIn(parseProcessList(listing)).map((process) => process.pid)).toEqual([21, 35]);
    expect(zombiesIn(parseProcessList("1 (tini) S 0\n7 (node) S 1\n"))).toEqual([]);
  });
});

describe("the signal that ended PID 1, read from its exit code", () => {
  it("names SIGTERM for 143 and SIGKILL for 137, and nothing for a program's own exit", () => {
    expect(terminatingSignal(143)).toBe("SIGTERM");
    expect(terminatingSignal(137)).toBe("SIGKILL");
    expect(terminatingSignal(0)).toBeNull();
    expect(terminatingSignal(1)).toBeNull();
  });
});

describe("BuildKit's output after a rebuild", () => {
  const step = (id: number, n: number, text: string, cached: boolean) => [
    `#${id} [${n}/6] ${text}`,
    cached ? `#${id} CACHED` : `#${id} DONE 1.2s`,
  ];
  it("reports an install step that ran again as a reinstall, and a cached one as not", () => {
    const reinstall = [...step(5, 3, "COPY . .", false), ...step(6, 4, "RUN npm install", false)].join("\n");
    expect(rebuildSteps(reinstall)).toEqual({ reinstalledDependencies: true, stepsRun: 2, stepsCached: 0 });
    const cached = [
      ...step(5, 3, "COPY package*.json ./", true),
      ...step(6, 4, "RUN npm ci", true),
      ...step(7, 5, "COPY src ./src", false),
    ].join("\n");
    expect(rebuildSteps(cached)).toEqual({ reinstalledDependencies: false, stepsRun: 1, stepsCached: 2 });
  });
});

describe("compose start-up findings from the engine's events and the app's logs", () => {
  const event = (service: string, action: string, atSecond: number) => ({
    Action: action,
    timeNano: atSecond * 1e9,
    Actor: { Attributes: { "com.docker.compose.service": service } },
  });
  it("says the app started after its dependencies only when both were healthy first", () => {
    const inOrder = [
      event("redis", "health_status: healthy", 2),
      event("postgres", "health_status: healthy", 3),
      event("app", "start", 4),
    ];
    const logs = "connected to postgres\nconnected to redis\n";
    expect(composeFindings(inOrder, 0n, logs)).toMatchObject({
      appStartedAfterDependencies: true,
      appConnectedTo: ["postgres", "redis"],
      healthyOrder: ["redis", "postgres"],
    });
    const early = [
      event("redis", "health_status: healthy", 2),
      event("app", "start", 2.5),
      event("postgres", "health_status: healthy", 3),
    ];
    expect(composeFindings(early, 0n, "connected to redis\n")).toMatchObject({
      appStartedAfterDependencies: false,
      appConnectedTo: ["redis"],
    });
  });
});
