"use client";

import { useEffect, useState } from "react";
import { keyframesUrl, parseKeyframes } from "@/lib/asciicast/keyframes";
import { AsciicastError, parseAsciicast, type Recording } from "@/lib/asciicast/parse";
import type { Keyframe } from "@/lib/asciicast/seek";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";

export type LoadedRecordings =
  { status: "loading" } | { status: "error"; message: string } | { status: "ready"; recordings: Recording[] };

async function fetchRecording(scenario: ScenarioSummary): Promise<Recording> {
  const file = scenario.src.split("/").pop();
  const keyframes = fetchKeyframes(scenario.src);
  let response: Response;
  try {
    response = await fetch(scenario.src);
  } catch {
    throw new Error(`The recording ${file} could not be downloaded (network error).`);
  }
  if (!response.ok) throw new Error(`The recording ${file} could not be loaded (HTTP ${response.status}).`);
  const text = await response.text();
  try {
    return { ...parseAsciicast(text), keyframes: await keyframes };
  } catch (error) {
    throw new Error(
      `The recording ${file} is damaged: ${error instanceof AsciicastError ? error.message : String(error)}`,
    );
  }
}

/**
 * The recording's build-time keyframes. Without them (a live run's recording, a failed download) the
 * player still seeks, from the recording's own clears instead, so a failure here costs only speed.
 */
async function fetchKeyframes(castUrl: string): Promise<Keyframe[] | undefined> {
  try {
    const response = await fetch(keyframesUrl(castUrl));
    return response.ok ? parseKeyframes(await response.json()).frames : undefined;
  } catch (error) {
    console.warn(`Seeking in ${castUrl} replays from its clears: ${error instanceof Error ? error.message : error}`);
    return undefined;
  }
}

/** Every scenario's cast, downloaded and parsed; the first one that cannot be says why. */
export function useRecordings(scenarios: readonly ScenarioSummary[]): LoadedRecordings {
  const [loaded, setLoaded] = useState<LoadedRecordings>({ status: "loading" });
  useEffect(() => {
    let cancelled = false;
    Promise.all(scenarios.map(fetchRecording)).then(
      (recordings) => !cancelled && setLoaded({ status: "ready", recordings }),
      (error: Error) => !cancelled && setLoaded({ status: "error", message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [scenarios]);
  return loaded;
}
