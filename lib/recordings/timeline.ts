import { playbackToRaw, rawToPlayback } from "@/lib/asciicast/time-map";
import type { Recording } from "@/lib/asciicast/parse";
import type { ScenarioEvent, StatePatch } from "@/lib/recordings/manifest-schema";
import { markerStateAt } from "./marker-state";

/** A manifest event placed on the playback clock. */
export interface TimelineEvent extends ScenarioEvent {
  /** Playback seconds (after idle_time_limit); `t` stays the recorded time. */
  time: number;
}

export interface PanelState extends StatePatch {
  /** Recorded seconds since SIGTERM at the playhead, when a SIGTERM has happened. */
  sinceSigterm?: number;
}

/**
 * Recorded seconds after a moment in which output still belongs to it. The recorder writes a marker and then, a
 * fraction of a millisecond later, the command it announces ("docker stop: SIGTERM sent", then `$ docker stop …`);
 * a person reads the two as one moment, so seeking to the moment must show that line.
 */
export const MOMENT_OUTPUT_WINDOW = 0.01;

/** The playback time of a moment recorded at `rawTime`: after any output written within MOMENT_OUTPUT_WINDOW of it. */
function momentTime(recording: Pick<Recording, "output">, rawTime: number, time: number): number {
  let settled = time;
  for (const output of recording.output) {
    if (output.rawTime > rawTime + MOMENT_OUTPUT_WINDOW) break;
    if (output.rawTime >= rawTime) settled = Math.max(settled, output.time);
  }
  return settled;
}

/**
 * Places manifest events on the playback clock. An event takes its marker's playback time (the
 * manifest promises `t` and `label` equal a marker's); an event without a marker is mapped by time.
 * Either way it lands after the output that goes with it (see MOMENT_OUTPUT_WINDOW).
 */
export function alignEvents(recording: Recording, events: readonly ScenarioEvent[]): TimelineEvent[] {
  return events
    .map((event) => {
      const marker = recording.markers.find((m) => m.label === event.label && Math.abs(m.rawTime - event.t) < 0.0005);
      const time = marker ? marker.time : rawToPlayback(recording, event.t);
      return { ...event, time: momentTime(recording, event.t, time) };
    })
    .sort((a, b) => a.time - b.time);
}

/** Markers as timeline events when there is no manifest: the seek bar and announcements still work. */
export function eventsFromMarkers(recording: Recording): TimelineEvent[] {
  return recording.markers.map((m) => ({
    t: m.rawTime,
    time: momentTime(recording, m.rawTime, m.time),
    label: m.label,
    kind: "marker",
    state: {},
  }));
}

/** What the state panel shows at playback time `time`: every event at or before it, merged in order. */
export function stateAt(
  recording: Pick<Recording, "timeMap">,
  events: readonly TimelineEvent[],
  time: number,
): PanelState {
  const state = markerStateAt(events, time);
  if (state.sigtermAt !== undefined) {
    const sinceSigterm = playbackToRaw(recording, time) - state.sigtermAt;
    // Once the container has exited, the clock stops at the exit.
    const exit =
      state.container === "exited"
        ? [...events].reverse().find((e) => e.time <= time + 1e-9 && e.state.container === "exited")
        : undefined;
    state.sinceSigterm = Math.max(0, exit ? exit.t - state.sigtermAt : sinceSigterm);
  }
  return state;
}
