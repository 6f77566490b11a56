import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBases, type Bases } from "../recorder/bases";
import type { CastSession } from "../recorder/cast";
import { dockerAsync, probeEngine } from "../recorder/docker";
import { IMAGE_TAGS, buildImages } from "../recorder/images";
import { RUN_LABEL, removeLabelled } from "../recorder/kit";
import type { ScenarioName } from "@/lib/recordings/manifest-schema";
import type { Scenario } from "../recorder/scenario";
import { SCENARIOS } from "../recorder/scenarios";
import type { ScenarioExecutor } from "./runs";

/**
 * Names the server process (the live server, or the lab runner of sandboxes/lab) whose run created a
 * container, network or volume ("host:pid"), so a later start can tell what a crashed server left
 * from what a running one is using.
 */
export const LIVE_SERVER_LABEL = "course.live-server";
export const THIS_SERVER = `${os.hostname()}:${process.pid}`;

/** Whether a process exists (a zombie counts until its parent reaps it). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A server on this machine whose process is gone; one on another host (a shared engine) is never judged from here. */
function isStoppedServer(owner: string): boolean {
  const match = /^(.+):(\d+)$/.exec(owner);
  return match !== null && match[1] === os.hostname() && !processExists(Number(match[2]));
}

/**
 * Removes what servers on this machine that are no longer running (live or lab) left behind;
 * returns the containers' names.
 */
export async function removeLeftoversOfStoppedServers(): Promise<string[]> {
  const removed: string[] = [];
  const owners = new Set<string>();
  for (const list of [
    ["ps", "-a"],
    ["network", "ls"],
    ["volume", "ls"],
  ]) {
    const { stdout } = await dockerAsync([
      ...list,
      "--filter",
      `label=${LIVE_SERVER_LABEL}`,
      "--format",
      `{{.Label "${LIVE_SERVER_LABEL}"}}`,
    ]);
    for (const owner of stdout.split("\n")) if (owner.trim()) owners.add(owner.trim());
  }
  for (const owner of [...owners].filter(isStoppedServer))
    removed.push(...(await removeLabelled(`${LIVE_SERVER_LABEL}=${owner}`)));
  return removed;
}

/** Runs the recorder's own scenarios against the local engine: a live run is a recording run that is watched. */
export class DockerExecutor implements ScenarioExecutor {
  private prepared?: Promise<Bases>;
  /** Build contexts and scratch files; it holds a copy of the app (its fake .env too), so close() removes it. */
  readonly workDir = mkdtempSync(path.join(os.tmpdir(), "course-live-"));

  constructor(readonly basesOrigin: "stand-in" | "official") {}

  title(name: ScenarioName): string {
    return SCENARIOS[name].title;
  }

  async prepare(progress: (message: string) => void, signal: AbortSignal): Promise<void> {
    if (!(await probeEngine()))
      throw new Error("No Docker engine is reachable from the live server; the page shows the recording instead.");
    // Built once per server; a failed or cancelled build is retried by the next run.
    this.prepared ??= (async () => {
      const bases = await ensureBases(this.basesOrigin, progress, signal);
      await buildImages(bases, this.workDir, progress, signal);
      return bases;
    })().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    await this.prepared;
  }

  async manifestContext(): Promise<{ bases: Bases; origin: "stand-in" | "official" }> {
    if (!this.prepared) throw new Error("no run has prepared the bases yet");
    return { bases: await this.prepared, origin: this.basesOrigin };
  }

  async run(
    name: ScenarioName,
    runId: string,
    session: CastSession,
    progress: (message: string) => void,
  ): Promise<unknown> {
    const scenario = SCENARIOS[name] as Scenario;
    const bases = await this.prepared!;
    const labels = { [RUN_LABEL]: runId, [LIVE_SERVER_LABEL]: THIS_SERVER };
    return scenario.run({ session, images: IMAGE_TAGS, bases, workDir: this.workDir, progress, labels });
  }

  cleanup(runId: string): Promise<string[]> {
    return removeLabelled(`${RUN_LABEL}=${runId}`);
  }

  removeLeftoversOfStoppedServers(): Promise<string[]> {
    return removeLeftoversOfStoppedServers();
  }

  close(): void {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
