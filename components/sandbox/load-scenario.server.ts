import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AsciicastError, parseAsciicast, type Recording } from "@/lib/asciicast/parse";
import { alignEvents, eventsFromMarkers } from "@/lib/asciicast/timeline";
import { screenTextAt, transcript, type TranscriptEntry } from "@/lib/asciicast/transcript";
import type { ScenarioSummary } from "./types";
import { loadManifest, RECORDINGS_DIR } from "@/lib/recordings/manifest.server";
import { trafficChart, type TrafficChart } from "@/lib/recordings/traffic";
import { SCENARIO_NAMES, type ScenarioName } from "@/sandboxes/recorder/manifest-schema";

export function listRecordingFiles(): string[] {
  const dir = RECORDINGS_DIR;
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir).filter((file) => /^[a-z0-9-]+\.cast$/.test(file) || file === "manifest.json");
}

export function readRecordingFile(file: string): Buffer | undefined {
  if (!listRecordingFiles().includes(file)) return undefined;
  return readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ RECORDINGS_DIR, file));
}

export type LoadedScenario =
  | { ok: true; summary: ScenarioSummary; transcript: TranscriptEntry[]; poster: string; recording: Recording; traffic?: { chart: TrafficChart; failed: number; sent: number } }
  | { ok: false; name: string; error: string };

export function loadScenario(name: string): LoadedScenario {
  const dir = RECORDINGS_DIR;
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
  const entry = (SCENARIO_NAMES as readonly string[]).includes(name) ? loadManifest().scenarios[name as ScenarioName] : undefined;
  const events = entry ? alignEvents(recording, entry.events) : eventsFromMarkers(recording);
  // The poster is the screen just as the story turns (the SIGTERM), or a third of the way in.
  const posterTime = events.find((event) => event.kind === "sigterm")?.time ?? recording.duration / 3;
  const rolling = entry && "perSecond" in entry.facts ? entry.facts : undefined;
  return {
    ok: true,
    recording,
    traffic: rolling ? { chart: trafficChart(rolling, recording), failed: rolling.failed, sent: rolling.totals.sent } : undefined,
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
