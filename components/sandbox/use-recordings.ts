"use client";

import { useEffect, useState } from "react";
import { AsciicastError, parseAsciicast, type Recording } from "@/lib/asciicast/parse";
import { parseScreens, type Screens } from "@/lib/asciicast/screens";
import { screensUrl } from "@/lib/asciicast/screens-url";
import { rowsUsed } from "@/lib/asciicast/transcript";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";

export type LoadedRecordings =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; recordings: Recording[]; screens: Screens[] };

async function fetchRecording(scenario: ScenarioSummary): Promise<{ recording: Recording; screens: Screens }> {
  const file = scenario.src.split("/").pop();
  const served = fetchScreens(scenario.src);
  let response: Response;
  try {
    response = await fetch(scenario.src);
  } catch {
    throw new Error(`The recording ${file} could not be downloaded (network error).`);
  }
  if (!response.ok) throw new Error(`The recording ${file} could not be loaded (HTTP ${response.status}).`);
  const text = await response.text();
  let recording: Recording;
  try {
    recording = parseAsciicast(text);
  } catch (error) {
    throw new Error(
      `The recording ${file} is damaged: ${error instanceof AsciicastError ? error.message : String(error)}`,
    );
  }
  const json = await served;
  if (json !== undefined) {
    try {
      return { recording, screens: parseScreens(json, recording.output) };
    } catch (error) {
      console.warn(`${file}: ${error instanceof Error ? error.message : error}; computing them here instead.`);
    }
  }
  return { recording, screens: await computeScreensHere(recording) };
}

/** The recording's build-time screens as JSON, or undefined where there are none (a live run's recording). */
async function fetchScreens(castUrl: string): Promise<unknown> {
  try {
    const response = await fetch(screensUrl(castUrl));
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Without served screens (a live run's recording, a failed download) the player computes them with the same
 * emulator the build uses, xterm, loaded only then: a failure there costs time, not the replay.
 */
async function computeScreensHere(recording: Recording): Promise<Screens> {
  const [{ Terminal }, { computeScreens }] = await Promise.all([
    import("@xterm/xterm"),
    import("@/lib/asciicast/screens-compute"),
  ]);
  const term = new Terminal({ cols: recording.cols, rows: rowsUsed(recording), scrollback: 0, allowProposedApi: true });
  try {
    return await computeScreens(recording.output, term);
  } finally {
    term.dispose();
  }
}

/** Every scenario's cast and screens, downloaded and parsed; the first one that cannot be says why. */
export function useRecordings(scenarios: readonly ScenarioSummary[]): LoadedRecordings {
  const [loaded, setLoaded] = useState<LoadedRecordings>({ status: "loading" });
  useEffect(() => {
    let cancelled = false;
    Promise.all(scenarios.map(fetchRecording)).then(
      (all) =>
        !cancelled &&
        setLoaded({
          status: "ready",
          recordings: all.map((one) => one.recording),
          screens: all.map((one) => one.screens),
        }),
      (error: Error) => !cancelled && setLoaded({ status: "error", message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [scenarios]);
  return loaded;
}
