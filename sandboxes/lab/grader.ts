import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  LAB_CHECKS,
  SIZE_BUDGET_FACTOR,
  STOP_GRACE_SECONDS,
  formatLab,
  labReference,
  optimizedImageBytes,
  type LabCheckId,
  type LabCheckResult,
  type LabEvent,
} from "@/lib/lab/protocol";
import type { Manifest } from "@/lib/recordings/manifest-schema";
import { ensureBases, type BaseRole, type Bases } from "../recorder/bases";
import type { CastSession } from "../recorder/cast";
import { DOCKER, docker } from "../recorder/docker";
import { APP_DIR, caSecretArgs, prepareNaiveContext } from "../recorder/images";
import { RUN_LABEL, labelFlags, removeLabelled } from "../recorder/kit";
import { filesMatchingInLayers } from "../recorder/layers";
import { oneLineChange, rebuildSteps } from "../recorder/scenarios/build-cache";
import { SECRET_SCAN, parseSecretScan } from "../recorder/scenarios/secrets-and-user";
import { uncompressedSize } from "../recorder/scenarios/sizes";
import { runStopExperiment } from "../recorder/stop-experiment";
import { LIVE_SERVER_LABEL, THIS_SERVER } from "../live/executor";

/** A build that takes longer is killed: a learner's RUN must not hold the engine (a stand-in cold build takes about 2 min here). */
export const BUILD_TIME_LIMIT_SECONDS = 600;

/**
 * Every container a run starts gets these: bounded memory, CPU and processes, no capabilities,
 * no privilege gain (setuid binaries stay powerless). Published on 127.0.0.1 only (the stop experiment's -p).
 */
export const CONTAINER_LIMITS = [
  "--memory",
  "512m",
  "--cpus",
  "1",
  "--pids-limit",
  "256",
  "--cap-drop",
  "ALL",
  "--security-opt",
  "no-new-privileges",
];

/** How long the in-flight request takes during docker stop (the optimized recording's too). */
const REQUEST_MS = 4000;

export interface GradeRequest {
  runId: string;
  /** The text the policy accepted, its FROMs already pointing at `bases`. */
  dockerfile: string;
  finalBase: BaseRole;
}

/** What the server needs from a grader; the HTTP tests substitute one that needs no engine. */
export interface LabGrader {
  /** The bases this runner builds on (stand-ins are built on first use, then cached). */
  bases(progress: (message: string) => void, signal: AbortSignal): Promise<Record<BaseRole, string>>;
  /** Builds and measures; `emit` sends each check as soon as it is measured. Throws on a failed build or a cancel. */
  grade(request: GradeRequest, session: CastSession, emit: (event: LabEvent) => void): Promise<void>;
  /** Removes every container, network and volume the run created, and its image; returns the containers' names. */
  cleanup(runId: string): Promise<string[]>;
  close(): void;
}

export const labImageTag = (runId: string) => `course-lab:${runId.slice(0, 12)}`;

/** Grades on this machine's engine with the recorder's own probes. */
export class DockerLabGrader implements LabGrader {
  private prepared?: Promise<Bases>;
  /** Build contexts (copies of the app with its fake .env); close() removes it. */
  readonly workDir = mkdtempSync(path.join(os.tmpdir(), "course-lab-"));

  constructor(
    readonly basesOrigin: "stand-in" | "official",
    readonly manifest: Manifest,
    readonly buildTimeLimitSeconds = BUILD_TIME_LIMIT_SECONDS,
  ) {}

  async bases(progress: (message: string) => void, signal: AbortSignal): Promise<Record<BaseRole, string>> {
    this.prepared ??= ensureBases(this.basesOrigin, progress, signal).catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    const bases = await this.prepared;
    return { fat: bases.fat.ref, slim: bases.slim.ref, distroless: bases.distroless.ref };
  }

  async grade(request: GradeRequest, session: CastSession, emit: (event: LabEvent) => void): Promise<void> {
    const { runId } = request;
    const labels = { [RUN_LABEL]: runId, [LIVE_SERVER_LABEL]: THIS_SERVER };
    const reference = new Map(labReference(this.manifest).map((row) => [row.id, row.optimized]));
    const report = (id: LabCheckId, passed: boolean, measured: string, detail: string) => {
      const result: LabCheckResult = { id, passed, measured, optimized: reference.get(id)!, detail };
      session.mark(
        "check",
        `${passed ? "PASS" : "FAIL"} ${LAB_CHECKS.find((check) => check.id === id)!.title}: ${measured}`,
      );
      emit({ type: "check", result });
    };
    const runDir = path.join(this.workDir, runId);
    // The context of a project with no .dockerignore (the naive image's): the fake .env is in it,
    // so keeping it out of the image is the Dockerfile's job, as the lesson teaches.
    const context = prepareNaiveContext(runDir);
    const dockerfile = path.join(runDir, "Dockerfile");
    writeFileSync(dockerfile, request.dockerfile);
    const tag = labImageTag(runId);
    const buildArgs = ["build", "--progress=plain", ...caSecretArgs(), "-t", tag, "-f", dockerfile, context];
    const build = async (what: string) => {
      emit({ type: "phase", message: what });
      const started = Date.now();
      const result = await session.exec(DOCKER, buildArgs, {
        display: `docker build -t ${tag} -f Dockerfile sandboxes/app   # ${what}`,
        timeoutMs: this.buildTimeLimitSeconds * 1000,
      });
      const seconds = (Date.now() - started) / 1000;
      if (result.code !== 0 && seconds >= this.buildTimeLimitSeconds)
        throw new Error(`the build took longer than ${this.buildTimeLimitSeconds} s and was stopped`);
      if (result.code !== 0) throw new Error(`the build failed (exit ${result.code}); its output is above`);
      return result.output;
    };

    await build("building your Dockerfile");

    emit({ type: "phase", message: "measuring the image's size" });
    const bytes = uncompressedSize(tag);
    const budget = optimizedImageBytes(this.manifest) * SIZE_BUDGET_FACTOR;
    report(
      "size",
      bytes <= budget,
      formatLab.megabytes(bytes),
      bytes <= budget
        ? `within ${SIZE_BUDGET_FACTOR}× the optimized image`
        : `more than ${SIZE_BUDGET_FACTOR}× the optimized image (${formatLab.megabytes(budget)}): a build toolchain, dev dependencies or the full base ship in it`,
    );

    emit({ type: "phase", message: "checking the process user and looking for the .env" });
    const node = request.finalBase === "distroless" ? "/nodejs/bin/node" : "node";
    const scan = await session.exec(
      DOCKER,
      [
        "run",
        "--rm",
        ...labelFlags(labels),
        ...CONTAINER_LIMITS,
        "--network",
        "none",
        "--entrypoint",
        node,
        tag,
        "-e",
        SECRET_SCAN,
      ],
      {
        display: `docker run --rm --network none --entrypoint ${node} ${tag} -e '<print uid; look for the .env>'`,
        timeoutMs: 60_000,
      },
    );
    if (scan.code !== 0) {
      const why = `the image's own node could not run the check (exit ${scan.code})`;
      report("user", false, "unknown", why);
      report("env-file", false, "unknown", why);
    } else {
      const found = parseSecretScan(scan.output);
      report(
        "user",
        found.uid !== 0,
        formatLab.userName(found),
        found.uid !== 0 ? "an unprivileged user runs the service" : "the service runs as root: add a USER line",
      );
      // Anywhere in the image: every file the image's own layers add, compared with the .env's bytes.
      const envBytes = readFileSync(path.join(APP_DIR, ".env"));
      const baseRef = (await this.prepared!)[request.finalBase].ref;
      const copies = filesMatchingInLayers(tag, baseRef, envBytes);
      const leaked = copies.length > 0 || found.envFilePresent || found.secretFound;
      report(
        "env-file",
        !leaked,
        leaked
          ? `.env present${copies.length ? ` (${copies.length} cop${copies.length === 1 ? "y" : "ies"} in layers)` : ""}`
          : "no .env",
        leaked
          ? "the .env with its secret is in the image: copy only what the service needs into the final stage"
          : "no layer holds the .env",
      );
    }

    emit({ type: "phase", message: "starting the container, then docker stop with a request in flight" });
    let sawHealthy = false;
    try {
      const outcome = await runStopExperiment(session, {
        name: `course-lab-${runId.slice(0, 12)}`,
        image: tag,
        requestMs: REQUEST_MS,
        watchHealth: true,
        labels,
        runFlags: CONTAINER_LIMITS,
      });
      sawHealthy = outcome.engineStates.includes("healthy");
      report(
        "healthcheck",
        sawHealthy,
        sawHealthy ? "healthy" : outcome.engineStates.length ? outcome.engineStates.join(" → ") : "no health status",
        sawHealthy
          ? "the engine marked the container healthy"
          : "the engine never marked it healthy: add a HEALTHCHECK that GETs /healthz",
      );
      const graceful =
        outcome.inflightOutcome === "completed" && outcome.exitCode === 0 && outcome.stopSeconds < STOP_GRACE_SECONDS;
      report(
        "graceful-stop",
        graceful,
        `${outcome.inflightOutcome}, exit ${outcome.exitCode}, ${outcome.stopSeconds.toFixed(1)} s`,
        graceful
          ? "SIGTERM reached node, which finished the request and exited"
          : outcome.inflightOutcome === "dropped"
            ? `the request was dropped (PID 1 was ${outcome.pid1}): run node in exec form, behind tini`
            : `exit ${outcome.exitCode} after ${outcome.stopSeconds.toFixed(1)} s: SIGTERM did not end node cleanly within the grace period`,
      );
    } catch (error) {
      session.signal?.throwIfAborted();
      const why = error instanceof Error ? error.message : String(error);
      report("healthcheck", false, "not measured", `the container did not serve: ${why}`);
      report("graceful-stop", false, "not measured", `the container did not serve: ${why}`);
    }

    const change = oneLineChange();
    session.comment("a one-line code change, then the same build again");
    appendFileSync(path.join(context, "src", "app.ts"), `\n${change}\n`);
    const rebuild = rebuildSteps(await build("rebuilding after a one-line code change"));
    report(
      "rebuild-cache",
      !rebuild.reinstalledDependencies,
      `${rebuild.reinstalledDependencies ? "dependencies reinstalled" : "install step cached"} (${rebuild.stepsCached} steps cached, ${rebuild.stepsRun} run)`,
      rebuild.reinstalledDependencies
        ? "the install ran again: copy package.json and package-lock.json, install, then copy the source"
        : "the dependency install came from the cache",
    );
  }

  async cleanup(runId: string): Promise<string[]> {
    const removed = await removeLabelled(`${RUN_LABEL}=${runId}`);
    docker(["image", "rm", "-f", labImageTag(runId)], { allowFailure: true });
    rmSync(path.join(this.workDir, runId), { recursive: true, force: true });
    return removed;
  }

  close(): void {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
