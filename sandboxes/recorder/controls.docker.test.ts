import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBases, type Bases } from "./bases";
import { CastSession } from "./cast";
import { docker, engineReachable } from "./docker";
import { IMAGE_TAGS, buildArgs, buildImages } from "./images";
import { engineHealth, freeLoopbackPort, pollUntil, probe, removeContainer, sleep } from "./kit";
import { parseProcessList, processListArgs, zombiesIn } from "./processes";
import { optimizedContext, rebuildSteps } from "./scenarios/build-cache";
import {
  COMPOSE_DIR,
  PROJECT,
  composeAppExitCode,
  composeCommand,
  composeFindings,
  watchComposeEvents,
} from "./scenarios/compose-up";
import { FAKE_SECRET, SECRET_SCAN, parseSecretScan } from "./scenarios/secrets-and-user";
import { DU, bytesInImage, compressedSize, layers, uncompressedSize } from "./scenarios/sizes";
import { runStopExperiment } from "./stop-experiment";

/**
 * Controls: a probe that cannot report the other outcome measures nothing. For every fact the
 * recorder writes, each test below FORCES the opposite of what the recording shows and asserts
 * that the recorder's own probe (the same function the scenario calls) reports it. The list of
 * facts and their controls is in sandboxes/recorder/README.md. Needs a Docker engine; under
 * CI=true a missing engine is a failure, elsewhere the skip is counted loudly.
 */
const hasEngine = engineReachable();
const TEST_COUNT = 8;

if (!hasEngine && process.env.CI === "true") {
  throw new Error(
    "CI=true but no Docker engine is reachable: the recorder's control tests must run in CI (bash .ci/install-docker.sh starts one).",
  );
}
if (!hasEngine)
  console.warn(`\n*** SKIPPED ${TEST_COUNT} Docker-backed control tests: no Docker engine is reachable. ***\n`);

const CONTROL_TAG = "course-control";
const workDir = mkdtempSync(path.join(os.tmpdir(), "course-controls-"));
let bases: Bases;

/** Builds a small image from a Dockerfile written here; returns its tag. */
function buildControlImage(name: string, dockerfile: string, files: Record<string, string> = {}): string {
  const context = path.join(workDir, name);
  mkdirSync(context, { recursive: true });
  writeFileSync(path.join(context, "Dockerfile"), dockerfile);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(context, file), text);
  const tag = `${CONTROL_TAG}/${name}:test`;
  docker(["build", "-q", "-t", tag, context]);
  return tag;
}

describe.skipIf(!hasEngine)(
  "controls: each recorder probe reports the opposite outcome when it is forced (real Docker engine)",
  () => {
    beforeAll(async () => {
      bases = await ensureBases("stand-in", (line) => console.log(line));
      await buildImages(bases, workDir, (line) => console.log(line));
    }, 1_500_000);

    afterAll(() => {
      const leftovers = docker(["ps", "-aq", "--filter", "name=^course-control-"], { allowFailure: true })
        .stdout.split("\n")
        .filter(Boolean);
      if (leftovers.length > 0) docker(["rm", "-f", ...leftovers], { allowFailure: true });
      const images = docker(["images", "-q", `${CONTROL_TAG}/*`], { allowFailure: true })
        .stdout.split("\n")
        .filter(Boolean);
      if (images.length > 0) docker(["rmi", "-f", ...new Set(images)], { allowFailure: true });
    });

    it("zombies: a container known to hold a zombie is counted as holding one; a live-only container as none", async () => {
      // sh starts a short child, then exec replaces itself with sleep, which never reaps: the child stays a zombie.
      const name = "course-control-zombie";
      removeContainer(name);
      docker(["run", "-d", "--name", name, "--entrypoint", "sh", bases.slim.ref, "-c", "sleep 0.2 & exec sleep 30"]);
      try {
        let processes = parseProcessList("");
        const sawZombie = await pollUntil(
          () => {
            processes = parseProcessList(docker(processListArgs(name)).stdout);
            return zombiesIn(processes).length > 0;
          },
          20,
          250,
        );
        expect(sawZombie, `processes seen: ${JSON.stringify(processes)}`).toBe(true);
        expect(zombiesIn(processes)).toEqual([expect.objectContaining({ comm: "sleep", state: "Z", ppid: 1 })]);
      } finally {
        removeContainer(name);
      }
      const clean = "course-control-no-zombie";
      removeContainer(clean);
      docker(["run", "-d", "--name", clean, "--entrypoint", "sleep", bases.slim.ref, "30"]);
      try {
        const processes = parseProcessList(docker(processListArgs(clean)).stdout);
        expect(processes.find((process) => process.pid === 1)).toMatchObject({ comm: "sleep", state: "S" });
        expect(zombiesIn(processes)).toEqual([]);
      } finally {
        removeContainer(clean);
      }
    }, 60_000);

    it("stop: a forced drop is reported dropped, with no handler run, SIGTERM read from exit 143 and no 503; a forced drain the opposite", async () => {
      const dropped = await runStopExperiment(new CastSession("control"), {
        name: "course-control-stop-drop",
        image: IMAGE_TAGS.optimized,
        runFlags: ["-e", "HANDLE_SIGNALS=false"],
        requestMs: 4000,
        watchHealth: true,
      });
      expect(dropped).toMatchObject({
        inflightOutcome: "dropped",
        inflightHttpStatus: null,
        appHandlerRan: false,
        exitCode: 143,
        terminatingSignal: "SIGTERM",
        first503At: null,
      });
      expect(dropped.healthzAfterSigterm).not.toContain(503);

      const drained = await runStopExperiment(new CastSession("control"), {
        name: "course-control-stop-drain",
        image: IMAGE_TAGS.optimized,
        requestMs: 2000,
        watchHealth: true,
      });
      expect(drained).toMatchObject({
        inflightOutcome: "completed",
        inflightHttpStatus: 200,
        appHandlerRan: true,
        exitCode: 0,
        terminatingSignal: null,
      });
      expect(drained.healthzAfterSigterm).toContain(503);
      expect(drained.first503At).not.toBeNull();
    }, 120_000);

    it("stop: PID 1 that ignores SIGTERM is measured waiting out the grace period and killed by SIGKILL; PID 1 and the user are read as they are", async () => {
      const deaf = await runStopExperiment(new CastSession("control"), {
        name: "course-control-stop-deaf",
        image: IMAGE_TAGS.optimized,
        runFlags: ["--entrypoint", "node", "-e", "HANDLE_SIGNALS=false", "--user", "0"],
        command: ["dist/server.js"],
        requestMs: 1000,
      });
      expect(deaf.stopSeconds).toBeGreaterThanOrEqual(9.5);
      expect(deaf).toMatchObject({
        exitCode: 137,
        terminatingSignal: "SIGKILL",
        appHandlerRan: false,
        pid1: "node dist/server.js",
        user: "root (uid 0)",
      });
    }, 120_000);

    it("health: a failing health check is reported unhealthy by the engine-health probe, a passing one healthy", async () => {
      const name = "course-control-unhealthy";
      removeContainer(name);
      const port = await freeLoopbackPort();
      docker([
        "run",
        "-d",
        "--name",
        name,
        "-p",
        `127.0.0.1:${port}:3000`,
        "--health-cmd",
        "exit 1",
        "--health-interval",
        "1s",
        "--health-retries",
        "1",
        IMAGE_TAGS.optimized,
      ]);
      try {
        expect(
          await pollUntil(() => engineHealth(name) === "unhealthy", 40, 250),
          `engine health: ${engineHealth(name)}`,
        ).toBe(true);
        // The app itself is fine: /healthz answers 200 while the engine says unhealthy, so the two probes are independent.
        expect(await pollUntil(async () => (await probe(`http://127.0.0.1:${port}/healthz`)) === 200, 50, 200)).toBe(
          true,
        );
      } finally {
        removeContainer(name);
      }
      const healthy = "course-control-healthy";
      removeContainer(healthy);
      docker(["run", "-d", "--name", healthy, IMAGE_TAGS.optimized]);
      try {
        expect(
          await pollUntil(() => engineHealth(healthy) === "healthy", 60, 250),
          `engine health: ${engineHealth(healthy)}`,
        ).toBe(true);
      } finally {
        removeContainer(healthy);
      }
    }, 60_000);

    it("secrets and user: an image built with the .env and run as root is found to carry the secret and run as uid 0", () => {
      const leaky = buildControlImage("leaky", `FROM ${IMAGE_TAGS.optimized}\nCOPY .env /app/.env\nUSER root\n`, {
        ".env": `API_KEY=${FAKE_SECRET}\n`,
      });
      const found = parseSecretScan(docker(["run", "--rm", "--entrypoint", "node", leaky, "-e", SECRET_SCAN]).stdout);
      expect(found).toEqual({ envFilePresent: true, secretFound: true, uid: 0, user: "root" });
      const clean = parseSecretScan(
        docker(["run", "--rm", "--entrypoint", "node", IMAGE_TAGS.optimized, "-e", SECRET_SCAN]).stdout,
      );
      expect(clean).toEqual({ envFilePresent: false, secretFound: false, uid: 1000, user: "node" });
    }, 120_000);

    it("sizes: 30 MB of incompressible data added to an image is measured in every size probe", async () => {
      const blobBytes = 30_000_000;
      const bigger = buildControlImage(
        "bigger",
        `FROM ${IMAGE_TAGS.optimized}\nUSER root\nRUN head -c ${blobBytes} /dev/urandom > /blob\n`,
      );
      const grewBy = uncompressedSize(bigger) - uncompressedSize(IMAGE_TAGS.optimized);
      expect(grewBy).toBeGreaterThanOrEqual(blobBytes);
      expect(grewBy).toBeLessThan(blobBytes * 1.05);
      expect((await compressedSize(bigger)) - (await compressedSize(IMAGE_TAGS.optimized))).toBeGreaterThan(
        blobBytes * 0.95,
      );
      expect(layers(bigger).at(-1)).toMatchObject({
        sizeBytes: expect.any(Number),
        createdBy: expect.stringContaining("/dev/urandom"),
      });
      expect(layers(bigger).at(-1)!.sizeBytes).toBeGreaterThanOrEqual(blobBytes);
      expect(bytesInImage(bigger, "node", DU(["/blob"]))).toBe(blobBytes);
    }, 180_000);

    it("build cache: a rebuild after a package.json change is reported as reinstalling; a rebuild with no change as not reinstalling", async () => {
      const context = optimizedContext(workDir);
      const args = buildArgs("optimized", bases, workDir, `${CONTROL_TAG}/rebuild:test`);
      args[args.length - 1] = context;
      const build = () => {
        const result = spawnSync("/usr/bin/docker", args, {
          encoding: "utf8",
          env: { ...process.env, DOCKER_BUILDKIT: "1" },
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(result.status, result.stderr).toBe(0);
        return rebuildSteps(result.stdout + result.stderr);
      };
      build(); // warm
      expect(build().reinstalledDependencies).toBe(false);
      const manifestFile = path.join(context, "package.json");
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, description: `control ${Date.now()}` }, null, 2));
      const afterChange = build();
      expect(afterChange.reinstalledDependencies).toBe(true);
      expect(afterChange.stepsRun).toBeGreaterThanOrEqual(2);
    }, 600_000);

    it("compose: an app started without waiting for its dependencies is reported as such, connected to nothing, ended by SIGTERM", async () => {
      const [compose, prefix] = composeCommand();
      const port = await freeLoopbackPort();
      // Only the app is started (--no-deps), so the dependency images are never used.
      const env = {
        ...process.env,
        APP_IMAGE: IMAGE_TAGS.optimized,
        POSTGRES_IMAGE: "unused",
        REDIS_IMAGE: "unused",
        APP_PORT: String(port),
      };
      const composeArgs = (...args: string[]) => [
        ...prefix,
        "-p",
        PROJECT,
        "-f",
        path.join(COMPOSE_DIR, "docker-compose.yml"),
        ...args,
      ];
      const composeRun = (...args: string[]) =>
        spawnSync(compose, composeArgs(...args), { encoding: "utf8", env, timeout: 60_000 });
      composeRun("down", "-v", "--remove-orphans");
      const watcher = watchComposeEvents();
      try {
        expect(composeRun("up", "-d", "--no-build", "--no-deps", "app").status).toBe(0);
        // The app keeps retrying Redis, which does not exist: it never connects and never installs its handler.
        const retrying = await pollUntil(
          () => /redis error/.test(composeRun("logs", "--no-color", "app").stdout),
          40,
          250,
        );
        expect(retrying).toBe(true);
        expect(composeRun("stop", "app").status).toBe(0);
        await sleep(500); // let the event stream deliver the last events
        const findings = composeFindings(
          watcher.events,
          watcher.startedNano,
          composeRun("logs", "--no-color", "app").stdout,
        );
        expect(findings).toMatchObject({ appStartedAfterDependencies: false, appConnectedTo: [], healthyOrder: [] });
        expect(composeAppExitCode()).toBe(143);
      } finally {
        watcher.stop();
        composeRun("down", "-v", "--remove-orphans");
      }
    }, 120_000);
  },
);
