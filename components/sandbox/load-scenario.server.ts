import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AsciicastError, parseAsciicast, type Recording } from "@/lib/asciicast/parse";
import { alignEvents, eventsFromMarkers } from "@/lib/asciicast/timeline";
import { screenTextAt, transcript, type TranscriptEntry } from "@/lib/asciicast/transcript";
import type { ScenarioSummary } from "./types";
import { MANIFEST_SCHEMA_VERSION, manifestSchema, SCENARIO_NAMES, type ScenarioName } from "@/sandboxes/recorder/manifest-schema";

/**
 * Where recordings come from: the recorder's output, committed to the repo. SANDBOX_RECORDINGS_DIR
 * points a build at another directory with the same layout (the e2e fixtures, before the real
 * recordings exist); it is read at build time only.
 */
export function recordingsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.SANDBOX_RECORDINGS_DIR ?? "sandboxes/recordings");
}

/** Files the /recordings route may serve: the .cast files and the manifest, nothing else. */
export function listRecordingFiles(): string[] {
  const dir = recordingsDir();
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir).filter((file) => /^[a-z0-9-]+\.cast$/.test(file) || file === "manifest.json");
}

export function readRecordingFile(file: string): Buffer | undefined {
  if (!listRecordingFiles().includes(file)) return undefined;
  return readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ recordingsDir(), file));
}

export type LoadedScenario =
  | { ok: true; summary: ScenarioSummary; transcript: TranscriptEntry[]; poster: string; recording: Recording }
  | { ok: false; name: string; error: string };

export function loadScenario(name: string): LoadedScenario {
  const dir = recordingsDir();
  const relative = (file: string) => path.relative(process.cwd(), path.join(/*turbopackIgnore: true*/ dir, file));
  if (!/^[a-z0-9-]+$/.test(name)) return { ok: false, name, error: `"${name}" is not a scenario name (use kebab-case, e.g. stop-naive)` };
  const castFile = `${name}.cast`;
  if (!existsSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, castFile))) {
    return { ok: false, name, error: `The recording for "${name}" is not available: ${relative(castFile)} does not exist yet.` };
  }
  let recording: Recording;
  try {
    recording = parseAsciicast(readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, castFile), "utf8"));
  } catch (error) {
    const reason = error instanceof AsciicastError ? error.message : String(error);
    return { ok: false, name, error: `The recording ${relative(castFile)} is damaged: ${reason}` };
  }
  const entry = readManifestEntry(name);
  if (typeof entry === "string") return { ok: false, name, error: entry };
  const events = entry ? alignEvents(recording, entry.events) : eventsFromMarkers(recording);
  // The poster is the screen just as the story turns (the SIGTERM), or a third of the way in.
  const posterTime = events.find((event) => event.kind === "sigterm")?.time ?? recording.duration / 3;
  return {
    ok: true,
    recording,
    transcript: transcript(recording),
    poster: screenTextAt(recording, posterTime),
    summary: {
      name,
      title: entry?.title ?? recording.title ?? name,
      src: `/recordings/${castFile}`,
      cols: recording.cols,
      rows: recording.rows,
      duration: recording.duration,
      events,
    },
  };
}

/**
 * The scenario's manifest entry, validated on its own with the recorder's schema: one scenario
 * that is not recorded yet must not take the others down. Returns a message when it is invalid.
 */
function readManifestEntry(name: string) {
  const file = path.join(/*turbopackIgnore: true*/ recordingsDir(), "manifest.json");
  if (!existsSync(/*turbopackIgnore: true*/ file)) return undefined;
  let json: { schemaVersion?: unknown; scenarios?: Record<string, unknown> };
  try {
    json = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  } catch (error) {
    return `${path.relative(process.cwd(), file)} is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (json.schemaVersion !== MANIFEST_SCHEMA_VERSION) return `${path.relative(process.cwd(), file)} has schemaVersion ${JSON.stringify(json.schemaVersion)}; this site reads ${MANIFEST_SCHEMA_VERSION}`;
  if (!(SCENARIO_NAMES as readonly string[]).includes(name) || json.scenarios?.[name] === undefined) return undefined;
  const schema = manifestSchema.shape.scenarios.shape[name as ScenarioName];
  const result = schema.safeParse(json.scenarios[name]);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `scenarios.${name}.${issue.path.join(".")}: ${issue.message}`);
  return `The manifest entry for "${name}" is not valid: ${problems.join("; ")}`;
}
