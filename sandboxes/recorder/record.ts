/**
 * npm run record [-- --only <scenario>] [--out <dir>] [--bases stand-in|official]
 * Builds the bases (cached) and the images, runs every scenario against the local Docker
 * engine, and writes one .cast per scenario plus manifest.json into sandboxes/recordings/.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NODE_VERSION, NPM_VERSION, SANDBOXES_DIR, ensureBases, type Bases } from "./bases";
import { CastSession } from "./cast";
import { docker, engineReachable } from "./docker";
import { IMAGE_TAGS, buildImages } from "./images";
import { RUN_LABEL } from "./kit";
import {
  MANIFEST_SCHEMA_VERSION,
  SCENARIO_NAMES,
  parseManifest,
  type Manifest,
  type ScenarioName,
} from "@/lib/recordings/manifest-schema";
import type { Scenario } from "./scenario";
import { SCENARIOS } from "./scenarios";

export const DEFAULT_RECORDINGS_DIR = path.join(SANDBOXES_DIR, "recordings");

export interface RecordOptions {
  only?: ScenarioName[];
  outDir: string;
  bases: "stand-in" | "official";
  progress?: (message: string) => void;
}

function composeVersion(): string {
  for (const [command, args] of [
    ["docker-compose", ["version", "--short"]],
    ["/usr/bin/docker", ["compose", "version", "--short"]],
  ] as const) {
    try {
      return execFileSync(command, [...args], { encoding: "utf8" }).trim();
    } catch {
      // try the next one
    }
  }
  return "not installed";
}

export async function record(options: RecordOptions): Promise<Manifest> {
  const progress = options.progress ?? ((message: string) => console.log(message));
  if (!engineReachable())
    throw new Error("No Docker engine is reachable: start one (bash .ci/install-docker.sh does) and try again.");
  const selected = options.only ?? [...SCENARIO_NAMES];
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
  const say = (message: string) => progress(`[${elapsed()}] ${message}`);

  say(`bases (${options.bases})`);
  const bases = await ensureBases(options.bases, say);
  const workDir = mkdtempSync(path.join(os.tmpdir(), "course-record-"));
  say("building the naive, optimized and distroless images");
  await buildImages(bases, workDir, say);

  const recorded: RecordedScenario[] = [];
  // What this recording creates carries its own label: anything it leaves can be found by it.
  const labels = { [RUN_LABEL]: randomUUID() };
  for (const [index, name] of selected.entries()) {
    const scenario = SCENARIOS[name] as Scenario;
    say(`scenario ${index + 1}/${selected.length}: ${name} — ${scenario.title}`);
    const session = new CastSession(scenario.title);
    const facts = await scenario.run({ session, images: IMAGE_TAGS, bases, workDir, progress: say, labels });
    recorded.push(writeCast(options.outDir, scenario, session, facts));
    say(`wrote ${name}.cast (${session.events.length} markers)`);
  }

  // A subset re-recorded is merged into the manifest already there, so the result stays complete.
  const manifest = writeManifest(options.outDir, {
    bases,
    origin: options.bases,
    recorded,
    mergeInto: options.only ? path.join(options.outDir, "manifest.json") : undefined,
  });
  say(`wrote ${path.join(options.outDir, "manifest.json")}`);
  return manifest;
}

export interface RecordedScenario {
  name: ScenarioName;
  entry: Manifest["scenarios"][ScenarioName];
}

/** Writes a finished session's cast into `outDir` and returns its manifest entry. */
export function writeCast(outDir: string, scenario: Scenario, session: CastSession, facts: unknown): RecordedScenario {
  mkdirSync(outDir, { recursive: true });
  const file = `${scenario.name}.cast`;
  writeFileSync(path.join(outDir, file), session.toAsciicast());
  const entry = {
    file,
    title: scenario.title,
    durationSeconds: session.now(),
    basesUsed: scenario.basesUsed,
    events: session.events,
    facts,
  };
  return { name: scenario.name, entry: entry as RecordedScenario["entry"] };
}

/**
 * Writes `outDir/manifest.json`: this machine's environment, the bases, and the recorded scenarios
 * merged over the scenarios of `mergeInto` (an existing manifest) when given. Validated before writing.
 */
export function writeManifest(
  outDir: string,
  {
    bases,
    origin,
    recorded,
    mergeInto,
  }: { bases: Bases; origin: RecordOptions["bases"]; recorded: RecordedScenario[]; mergeInto?: string },
): Manifest {
  const previous =
    mergeInto && existsSync(mergeInto) ? (JSON.parse(readFileSync(mergeInto, "utf8")) as Partial<Manifest>) : undefined;
  const scenarios: Record<string, unknown> = { ...(previous?.scenarios ?? {}) };
  for (const { name, entry } of recorded) scenarios[name] = entry;
  const manifest = parseManifest({
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    recordedAt: new Date().toISOString(),
    environment: {
      dockerEngine: docker(["version", "--format", "{{.Server.Version}}"]).stdout.trim(),
      compose: composeVersion(),
      hostArch: os.arch(),
      kernel: os.release(),
      recorderNode: process.version,
      nodeInImages: origin === "stand-in" ? `v${NODE_VERSION}` : "as shipped in the official images",
      npmInImages: origin === "stand-in" ? NPM_VERSION : "as shipped in the official images",
    },
    bases,
    scenarios,
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

function parseArgs(argv: string[]): RecordOptions {
  const options: RecordOptions = { outDir: DEFAULT_RECORDINGS_DIR, bases: "stand-in" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--only" && value) {
      if (!(SCENARIO_NAMES as readonly string[]).includes(value))
        throw new Error(`unknown scenario "${value}"; choose one of ${SCENARIO_NAMES.join(", ")}`);
      (options.only ??= []).push(value as ScenarioName);
      i++;
    } else if (flag === "--out" && value) {
      options.outDir = path.resolve(value);
      i++;
    } else if (flag === "--bases" && (value === "stand-in" || value === "official")) {
      options.bases = value;
      i++;
    } else
      throw new Error(
        `unknown option ${flag}; usage: npm run record -- [--only <scenario>]... [--out <dir>] [--bases stand-in|official]`,
      );
  }
  return options;
}

if (require.main === module) {
  record(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
