import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBases, type Bases } from "../recorder/bases";
import { engineReachable } from "../recorder/docker";
import { IMAGE_TAGS, buildImages } from "../recorder/images";
import { removeScenarioLeftovers } from "../recorder/kit";
import type { ScenarioName } from "../recorder/manifest-schema";
import type { Scenario } from "../recorder/scenario";
import { SCENARIOS } from "../recorder/scenarios";
import type { ScenarioExecutor } from "./runs";

/** Runs the recorder's own scenarios against the local engine: a live run is a recording run that is watched. */
export class DockerExecutor implements ScenarioExecutor {
  private prepared?: Promise<Bases>;
  readonly workDir = mkdtempSync(path.join(os.tmpdir(), "course-live-"));

  constructor(readonly basesOrigin: "stand-in" | "official") {}

  title(name: ScenarioName): string {
    return SCENARIOS[name].title;
  }

  async prepare(progress: (message: string) => void): Promise<void> {
    if (!engineReachable()) throw new Error("No Docker engine is reachable from the live server; the page shows the recording instead.");
    // Built once per server; a failed build is retried by the next run.
    this.prepared ??= (async () => {
      const bases = await ensureBases(this.basesOrigin, progress);
      await buildImages(bases, this.workDir, progress);
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

  run(name: ScenarioName, session: Parameters<ScenarioExecutor["run"]>[1], progress: (message: string) => void): Promise<unknown> {
    const scenario = SCENARIOS[name] as Scenario;
    return this.prepared!.then((bases) => scenario.run({ session, images: IMAGE_TAGS, bases, workDir: this.workDir, progress }));
  }

  cleanup(): string[] {
    return engineReachable() ? removeScenarioLeftovers() : [];
  }
}
