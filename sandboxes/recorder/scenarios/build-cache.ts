import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { ScenarioFacts } from "@/lib/recordings/manifest-schema";
import type { Scenario } from "../scenario";
import { DOCKER } from "../kit";
import { APP_DIR, buildArgs, prepareNaiveContext } from "../images";

/**
 * The edit carries the run's time: a change BuildKit has seen before (in an earlier recording)
 * would be served from its cache and measure nothing.
 */
export const oneLineChange = () => `// build-cache demo: a one-line source change, ${new Date().toISOString()}`;

/** A copy of the app that this scenario may edit (the real source is never touched). */
export function optimizedContext(workDir: string): string {
  const context = path.join(workDir, "optimized-context");
  rmSync(context, { recursive: true, force: true });
  mkdirSync(context, { recursive: true });
  cpSync(APP_DIR, context, { recursive: true, filter: (source) => !/[/\\](node_modules|dist)([/\\]|$)/.test(source) });
  return context;
}

/**
 * Reads BuildKit's plain progress output: which Dockerfile steps ran and which came from the
 * cache, and whether a step running `npm install`/`npm ci` ran again.
 */
export function rebuildSteps(output: string): {
  reinstalledDependencies: boolean;
  stepsRun: number;
  stepsCached: number;
} {
  const lines = output.split("\n");
  const steps = lines.filter((line) => /^#\d+ \[[^\]]*\d+\/\d+\]/.test(line));
  const stepIds = new Set(steps.map((line) => line.split(" ")[0]));
  const cachedIds = new Set(lines.filter((line) => /^#\d+ CACHED/.test(line)).map((line) => line.split(" ")[0]));
  const installSteps = steps.filter((line) => /npm (install|ci)/.test(line)).map((line) => line.split(" ")[0]);
  const stepsCached = [...stepIds].filter((id) => cachedIds.has(id)).length;
  return {
    reinstalledDependencies: installSteps.some((id) => !cachedIds.has(id)),
    stepsRun: stepIds.size - stepsCached,
    stepsCached,
  };
}

export const buildCache: Scenario<"build-cache"> = {
  name: "build-cache",
  title: "Rebuild after a one-line code change: naive vs optimized layer order",
  basesUsed: ["fat", "slim"],
  async run({ session, bases, workDir, progress }) {
    const rows: ScenarioFacts<"build-cache">["rows"] = [];
    const change = oneLineChange();
    for (const image of ["naive", "optimized"] as const) {
      progress(`build-cache: ${image}`);
      const context = image === "naive" ? prepareNaiveContext(workDir) : optimizedContext(workDir);
      const args = buildArgs(image, bases, workDir, `course-demo:${image}-cache-demo`);
      // buildArgs ends with its own context; build from the editable copy instead.
      args[args.length - 1] = context;
      session.comment(`${image}: build once so the cache is warm`);
      const warm = await session.exec(DOCKER, args, { display: `docker build ... (${image}, unchanged source)` });
      if (warm.code !== 0) throw new Error(`warm ${image} build failed`);
      const file = path.join(context, "src", "app.ts");
      await session.exec("sh", ["-c", `echo '${change}' >> '${file}'`], { display: `echo '${change}' >> src/app.ts` });
      session.mark("rebuild-start", `${image}: rebuild after a one-line change`);
      const started = Date.now();
      const rebuild = await session.exec(DOCKER, args, { display: `docker build ... (${image}, after the change)` });
      const rebuildSeconds = (Date.now() - started) / 1000;
      if (rebuild.code !== 0) throw new Error(`${image} rebuild failed`);
      const { reinstalledDependencies, stepsRun, stepsCached } = rebuildSteps(rebuild.output);
      session.mark(
        "rebuild-end",
        `${image}: rebuilt in ${rebuildSeconds.toFixed(1)} s${reinstalledDependencies ? ", dependencies reinstalled" : ", install step cached"}`,
      );
      rows.push({ image, rebuildSeconds, reinstalledDependencies, stepsRun, stepsCached });
    }
    return { change, rows };
  },
};
