"use client";

import { useEffect, useState } from "react";
import { AsciicastError, parseAsciicast, type Recording } from "@/lib/asciicast/parse";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";

export type LoadedRecordings =
  { status: "loading" } | { status: "error"; message: string } | { status: "ready"; recordings: Recording[] };

async function fetchRecording(scenario: ScenarioSummary): Promise<Recording> {
  const file = scenario.src.split("/").pop();
  let response: Response;
  try {
    response = await fetch(scenario.src);
  } catch {
    throw new Error(`The recording ${file} could not be downloaded (network error).`);
  }
  if (!response.ok) throw new Error(`The recording ${file} could not be loaded (HTTP ${response.status}).`);
  const text = await response.text();
  try {
    return parseAsciicast(text);
  } catch (error) {
    throw new Error(
      `The recording ${file} is damaged: ${error instanceof AsciicastError ? error.message : String(error)}`,
    );
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
