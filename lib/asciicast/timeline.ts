import type { ScenarioEvent, StatePatch } from "@/sandboxes/recorder/manifest-schema";
import type { Recording } from "./parse";

/** A manifest event placed on the playback clock. */
export interface TimelineEvent extends ScenarioEvent {
  /** Playback seconds (after idle_time_limit); `t` stays the recorded time. */
  time: number;
}

export interface PanelState extends StatePatch {
  /** Recorded seconds since SIGTERM at the playhead, when a SIGTERM has happened. */
  sinceSigterm?: number;
}

/** Recorded time → playback time, piecewise linear through every event (pauses are compressed, not skipped). */
export function rawToPlayback(recording: Pick<Recording, "timeMap">, raw: number): number {
  return interpolate(recording.timeMap, raw, 0, 1);
}

/** Playback time → recorded time; inside a shortened pause recorded time runs faster than the clock. */
export function playbackToRaw(recording: Pick<Recording, "timeMap">, time: number): number {
  return interpolate(recording.timeMap, time, 1, 0);
}

function interpolate(map: Array<[number, number]>, x: number, from: 0 | 1, to: 0 | 1): number {
  if (map.length === 0) return x;
  const last = map[map.length - 1]!;
  if (x >= last[from]) return last[to] + (x - last[from]);
  // Largest index with map[i][from] <= x.
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (map[mid]![from] <= x) low = mid;
    else high = mid - 1;
  }
  const a = map[low]!;
  const b = map[low + 1];
  if (!b || b[from] === a[from]) return a[to];
  return a[to] + ((x - a[from]) * (b[to] - a[to])) / (b[from] - a[from]);
}

/**
 * Places manifest events on the playback clock. An event takes its marker's playback time (the
 * manifest promises `t` and `label` equal a marker's); an event without a marker is mapped by time.
 */
export function alignEvents(recording: Recording, events: readonly ScenarioEvent[]): TimelineEvent[] {
  return events
    .map((event) => {
      const marker = recording.markers.find((m) => m.label === event.label && Math.abs(m.rawTime - event.t) < 0.0005);
      return { ...event, time: marker ? marker.time : rawToPlayback(recording, event.t) };
    })
    .sort((a, b) => a.time - b.time);
}

/** Markers as timeline events when there is no manifest: the seek bar and announcements still work. */
export function eventsFromMarkers(recording: Recording): TimelineEvent[] {
  return recording.markers.map((m) => ({ t: m.rawTime, time: m.time, label: m.label, kind: "marker", state: {} }));
}

/** What the state panel shows at playback time `time`: every event at or before it, merged in order. */
/** The markers' state patches merged up to `time`, without the running "since SIGTERM" clock (the poster uses it before the recording is loaded). */
export function markerStateAt(events: readonly TimelineEvent[], time: number): PanelState {
  const state: PanelState = {};
  for (const event of events) {
    if (event.time > time + 1e-9) break;
    Object.assign(state, event.state);
  }
  return state;
}

export function stateAt(recording: Pick<Recording, "timeMap">, events: readonly TimelineEvent[], time: number): PanelState {
  const state = markerStateAt(events, time);
  if (state.sigtermAt !== undefined) {
    const sinceSigterm = playbackToRaw(recording, time) - state.sigtermAt;
    // Once the container has exited, the clock stops at the exit.
    const exit = state.container === "exited" ? [...events].reverse().find((e) => e.time <= time + 1e-9 && e.state.container === "exited") : undefined;
    state.sinceSigterm = Math.max(0, exit ? exit.t - state.sigtermAt : sinceSigterm);
  }
  return state;
}

/** Index of the last event at or before `time`, or -1. */
export function eventIndexAt(events: readonly { time: number }[], time: number): number {
  let index = -1;
  for (let i = 0; i < events.length; i++) {
    if (events[i]!.time <= time + 1e-9) index = i;
    else break;
  }
  return index;
}

/** The next marker strictly after `time` (markers a few ms apart stay distinct stops). */
export function nextMarkerTime(times: readonly number[], time: number): number | undefined {
  return [...times].sort((a, b) => a - b).find((t) => t > time + 1e-4);
}

/**
 * The previous marker before `time`. Like a media player's "previous track": from just after a
 * marker (within 1 s while playing) it goes to the one before, so repeated presses walk back.
 */
export function previousMarkerTime(times: readonly number[], time: number, grace = 1e-4): number | undefined {
  return [...times].sort((a, b) => b - a).find((t) => t < time - grace);
}

/** Time at a percentage of the duration, for the 0–9 keys (0 → 0 %, 9 → 90 %). */
export function timeAtDigit(duration: number, digit: number): number {
  return (duration * Math.min(9, Math.max(0, digit))) / 10;
}

export function formatTime(seconds: number): string {
  const whole = Math.max(0, seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole - minutes * 60;
  return `${minutes}:${rest.toFixed(1).padStart(4, "0")}`;
}

/** `#stop-naive@12.5` → { scenario, time }. */
export function parseDeepLink(hash: string): { scenario: string; time: number } | undefined {
  const match = /^#?([a-z0-9-]+)@(\d+(?:\.\d+)?)$/.exec(decodeURIComponent(hash));
  if (!match) return undefined;
  return { scenario: match[1]!, time: Number(match[2]) };
}

export function deepLink(scenario: string, time: number): string {
  return `#${scenario}@${Math.max(0, Math.round(time * 10) / 10)}`;
}
