import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAB_CHECKS, type LabCheckResult, type LabEvent } from "@/lib/lab/protocol";
import { parseManifest } from "@/lib/recordings/manifest-schema";
import { docker, engineReachable } from "../recorder/docker";
import { OPTIMIZED_DOCKERFILE } from "../recorder/images";
import { RUN_LABEL } from "../recorder/kit";
import { DEFAULT_RECORDINGS_DIR } from "../recorder/record";
import { cancelLabRun } from "@/lib/lab/client";
import { DockerLabGrader, labImageTag } from "./grader";
import { createLabServer, newLabToken } from "./server";
import { streamLabRun } from "./test-client";

/**
 * Grades real Dockerfiles through the lab runner on the real engine: the lesson's optimized
 * Dockerfile passes every check, and a broken one (root, npm as PID 1, COPY . before the install)
 * fails exactly those three; a build over the time limit is stopped, and a cancel while the
 * container runs removes it. Needs a Docker engine; under CI=true a missing engine is
 * a failure, elsewhere the skip is counted loudly.
 */
const hasEngine = engineReachable();
const TEST_COUNT = 4;

if (!hasEngine && process.env.CI === "true") {
  throw new Error(
    "CI=true but no Docker engine is reachable: the lab runner's Docker-backed test must run in CI (bash .ci/install-docker.sh starts one).",
  );
}
if (!hasEngine)
  console.warn(`\n*** SKIPPED ${TEST_COUNT} Docker-backed lab runner tests: no Docker engine is reachable. ***\n`);

const BROKEN_DOCKERFILE = path.join(__dirname, "fixtures", "broken.Dockerfile");
const TOKEN = newLabToken();

describe.skipIf(!hasEngine)("the lab runner grades real Dockerfiles on the real engine", () => {
  const manifest = parseManifest(JSON.parse(readFileSync(path.join(DEFAULT_RECORDINGS_DIR, "manifest.json"), "utf8")));
  const lab = createLabServer({
    port: 0,
    token: TOKEN,
    grader: new DockerLabGrader("stand-in", manifest),
    basesOrigin: "stand-in",
    saveDir: path.join(__dirname, "..", "lab-recordings"),
    log: (message) => console.log(`[lab] ${message}`),
  });
  let base = "";

  beforeAll(async () => {
    base = `http://127.0.0.1:${await lab.listen()}`;
  });
  afterAll(async () => {
    await lab.close();
  });

  async function grade(file: string) {
    const started = Date.now();
    const arrivedAt = new Map<LabEvent, number>();
    const { events } = await streamLabRun(base, TOKEN, readFileSync(file, "utf8"), (event) => {
      arrivedAt.set(event, Date.now());
    });
    const seconds = (Date.now() - started) / 1000;
    /** Seconds between the first check's arrival and the grade's: the checks were streamed as measured, not at the end. */
    const firstCheckLeadSeconds =
      (arrivedAt.get(events.at(-1)!)! - arrivedAt.get(events.find((event) => event.type === "check")!)!) / 1000;
    const results = events.flatMap((event: LabEvent) => (event.type === "check" ? [event.result] : []));
    const ending = events.at(-1);
    const runId = events[0]?.type === "accepted" ? events[0].runId : "";
    const table = results.map((result) => `  ${result.passed ? "PASS" : "FAIL"} ${result.id}: ${result.measured}`);
    console.log(`graded ${path.basename(file)} in ${seconds.toFixed(1)} s:\n${table.join("\n")}`);
    return { results, ending, runId, seconds, firstCheckLeadSeconds };
  }

  /** Nothing the run created is left: no container with its label, no image. */
  function expectCleanedUp(runId: string) {
    expect(docker(["ps", "-aq", "--filter", `label=${RUN_LABEL}=${runId}`]).stdout.trim()).toBe("");
    expect(docker(["image", "inspect", labImageTag(runId)], { allowFailure: true }).code).not.toBe(0);
  }

  const verdicts = (results: LabCheckResult[]) =>
    Object.fromEntries(results.map((result) => [result.id, result.passed]));

  it("passes every check for the lesson's optimized Dockerfile, each check streamed before the grade", async () => {
    const { results, ending, runId, firstCheckLeadSeconds } = await grade(OPTIMIZED_DOCKERFILE);
    // The size check comes before the stop experiment, whose in-flight request alone takes 4 s.
    expect(firstCheckLeadSeconds).toBeGreaterThan(4);
    expect(ending).toMatchObject({ type: "finished", passed: LAB_CHECKS.length, total: LAB_CHECKS.length });
    expect(results.map((result) => result.id).sort()).toEqual(LAB_CHECKS.map((check) => check.id).sort());
    expect(results.every((result) => result.passed)).toBe(true);
    expect(results.find((result) => result.id === "user")!.measured).toBe("node (uid 1000)");
    expectCleanedUp(runId);
  }, 900_000);

  it("fails exactly the user, graceful-stop and rebuild-cache checks for a broken Dockerfile", async () => {
    const { results, ending, runId } = await grade(BROKEN_DOCKERFILE);
    expect(ending).toMatchObject({ type: "finished", passed: 3, total: LAB_CHECKS.length });
    expect(verdicts(results)).toEqual({
      size: true,
      user: false,
      "env-file": true,
      healthcheck: true,
      "graceful-stop": false,
      "rebuild-cache": false,
    });
    expect(results.find((result) => result.id === "user")!.measured).toBe("root (uid 0)");
    expect(results.find((result) => result.id === "graceful-stop")!.measured).toMatch(/^dropped/);
    expect(results.find((result) => result.id === "rebuild-cache")!.measured).toMatch(/^dependencies reinstalled/);
    expectCleanedUp(runId);
  }, 900_000);

  it("runs the container with limits, on 127.0.0.1 only, and removes it when the run is cancelled while it runs", async () => {
    let cancelAsked = false;
    let hostConfig: Record<string, unknown> = {};
    const { events } = await streamLabRun(base, TOKEN, readFileSync(OPTIMIZED_DOCKERFILE, "utf8"), (event) => {
      // The stop experiment has started the container: look at it, then cancel while it runs.
      const started = event.type === "output" && /docker run -d --name (course-lab-\S+)/.exec(event.data);
      if (!cancelAsked && started) {
        cancelAsked = true;
        setTimeout(() => {
          hostConfig = JSON.parse(docker(["inspect", "--format", "{{json .HostConfig}}", started[1]!]).stdout);
          void cancelLabRun({ origin: base, token: TOKEN });
        }, 2_000);
      }
    });
    const runId = events[0]?.type === "accepted" ? events[0].runId : "";
    expect(cancelAsked).toBe(true);
    expect(hostConfig).toMatchObject({
      Memory: 512 * 1024 * 1024,
      NanoCpus: 1e9,
      PidsLimit: 256,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
    });
    const bindings = Object.values(hostConfig.PortBindings as Record<string, { HostIp: string }[]>).flat();
    expect(bindings.length).toBeGreaterThan(0);
    expect(bindings.every((binding) => binding.HostIp === "127.0.0.1")).toBe(true);
    expect(events.at(-1)).toEqual({ type: "cancelled", removedContainers: [`course-lab-${runId.slice(0, 12)}`] });
    expectCleanedUp(runId);
  }, 900_000);
});

describe.skipIf(!hasEngine)("the lab runner's build time limit (real engine)", () => {
  const manifest = parseManifest(JSON.parse(readFileSync(path.join(DEFAULT_RECORDINGS_DIR, "manifest.json"), "utf8")));
  const lab = createLabServer({
    port: 0,
    token: TOKEN,
    grader: new DockerLabGrader("stand-in", manifest, 5),
    basesOrigin: "stand-in",
    saveDir: path.join(__dirname, "..", "lab-recordings"),
    log: (message) => console.log(`[lab] ${message}`),
  });
  let base = "";
  beforeAll(async () => {
    base = `http://127.0.0.1:${await lab.listen()}`;
  });
  afterAll(async () => {
    await lab.close();
  });

  it("stops a build that runs past the limit and says so", async () => {
    const started = Date.now();
    const { events } = await streamLabRun(base, TOKEN, `FROM node:20-slim\nRUN sleep 60 # ${Date.now()}\n`);
    expect(events.at(-1)).toEqual({ type: "failed", message: "the build took longer than 5 s and was stopped" });
    expect((Date.now() - started) / 1000).toBeLessThan(30);
  }, 120_000);
});
