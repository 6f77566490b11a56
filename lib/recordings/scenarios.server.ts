import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AsciicastError, parseAsciicast, type Recording } from "@/lib/asciicast/parse";
import { rowsUsed, screenTextAt, transcript, type TranscriptEntry } from "@/lib/asciicast/transcript";
import { SCENARIO_NAMES, type ScenarioName } from "@/lib/recordings/manifest-schema";
import { loadManifest, RECORDINGS_DIR } from "@/lib/recordings/manifest.server";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";
import { alignEvents, eventsFromMarkers, type TimelineEvent } from "@/lib/recordings/timeline";
import { trafficChart, type TrafficChart } from "@/lib/recordings/traffic";
import { withBasePath } from "@/lib/site/base-path";

/** The files app/recordings serves: every .cast and the manifest. */
export function listRecordingFiles(): string[] {
  const dir = RECORDINGS_DIR;
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir).filter(
    (file) => /^[a-z0-9-]+\.cast$/.test(file) || file === "manifest.json",
  );
}

export function readRecordingFile(file: string): Buffer | undefined {
  if (!listRecordingFiles().includes(file)) return undefined;
  return readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ RECORDINGS_DIR, file));
}

/** A recording ready to show: the player's summary, and what the server renders around it (poster, transcript, traffic chart). */
export interface ReadyScenario {
  ok: true;
  summary: ScenarioSummary;
  transcript: TranscriptEntry[];
  poster: string;
  /** Rolling deploys only: the traffic on the playback clock, and the totals its caption cites. */
  traffic?: { chart: TrafficChart; failed: number; sent: number };
}

/** A recording that cannot be shown, and why (the page shows the reason instead of crashing). */
export interface FailedScenario {
  ok: false;
  name: string;
  error: string;
}

function loadScenario(name: string): ReadyScenario | FailedScenario {
  const dir = RECORDINGS_DIR;
  const relative = (file: string) => path.relative(process.cwd(), path.join(/*turbopackIgnore: true*/ dir, file));
  if (!/^[a-z0-9-]+$/.test(name))
    return { ok: false, name, error: `"${name}" is not a scenario name (use kebab-case, e.g. stop-naive)` };
  const castFile = `${name}.cast`;
  if (!existsSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, castFile))) {
    return {
      ok: false,
      name,
      error: `The recording for "${name}" is not available: ${relative(castFile)} does not exist yet.`,
    };
  }
  let recording: Recording;
  try {
    recording = parseAsciicast(
      readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, castFile), "utf8"),
    );
  } catch (error) {
    const reason = error instanceof AsciicastError ? error.message : String(error);
    return { ok: false, name, error: `The recording ${relative(castFile)} is damaged: ${reason}` };
  }
  const entry = (SCENARIO_NAMES as readonly string[]).includes(name)
    ? loadManifest().scenarios[name as ScenarioName]
    : undefined;
  const events = entry ? alignEvents(recording, entry.events) : eventsFromMarkers(recording);
  // The poster is the screen just as the story turns (the SIGTERM), or a third of the way in.
  const posterTime = events.find((event) => event.kind === "sigterm")?.time ?? recording.duration / 3;
  const rolling = entry && "perSecond" in entry.facts ? entry.facts : undefined;
  return {
    ok: true,
    traffic: rolling
      ? { chart: trafficChart(rolling, recording), failed: rolling.failed, sent: rolling.totals.sent }
      : undefined,
    transcript: transcript(recording),
    poster: screenTextAt(recording, posterTime),
    summary: {
      name,
      title: entry?.title ?? recording.title ?? name,
      src: withBasePath(`/recordings/${castFile}`),
      cols: recording.cols,
      rows: recording.rows,
      screenRows: rowsUsed(recording),
      posterTime,
      duration: recording.duration,
      events,
    },
  };
}

/** Scenarios shown together: one sandbox, or two compared on one clock (a page figure or a presenter step). */
export interface ScenarioGroup {
  /** The given title, or the scenarios' titles joined with " vs " ("Naive stop vs Optimized stop"). */
  title: string;
  ready: ReadyScenario[];
  /** Empty when every recording loaded; a group with failures is shown as its errors. */
  failed: FailedScenario[];
}

export function loadScenarioGroup(names: readonly string[], title?: string): ScenarioGroup {
  const loaded = names.map(loadScenario);
  return {
    title: title ?? loaded.map((entry) => (entry.ok ? entry.summary.title : entry.name)).join(" vs "),
    ready: loaded.flatMap((entry) => (entry.ok ? [entry] : [])),
    failed: loaded.flatMap((entry) => (entry.ok ? [] : [entry])),
  };
}

/**
 * The moment a lesson cites with <Evidence>: the nth event of a kind in a scenario's recording, on
 * the playback clock. A recording that cannot load, or a moment it lacks, throws and fails the build.
 */
export function recordedMoment(scenario: string, kind: string, occurrence = 1): TimelineEvent {
  const loaded = loadScenario(scenario);
  if (!loaded.ok) throw new Error(loaded.error);
  const event = loaded.summary.events.filter((candidate) => candidate.kind === kind)[occurrence - 1];
  if (!event) {
    const kinds = [...new Set(loaded.summary.events.map((candidate) => candidate.kind))].join(", ");
    throw new Error(`the ${scenario} recording has no event of kind "${kind}" (#${occurrence}); kinds: ${kinds}`);
  }
  return event;
}
