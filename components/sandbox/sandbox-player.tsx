"use client";

import "@xterm/xterm/css/xterm.css";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { AsciicastError, parseAsciicast, type Recording } from "@/lib/asciicast/parse";
import {
  deepLink,
  eventIndexAt,
  formatTime,
  nextMarkerTime,
  previousMarkerTime,
  stateAt,
  timeAtDigit,
  type TimelineEvent,
} from "@/lib/asciicast/timeline";
import { ChartPlayhead } from "./chart-playhead";
import { Controls, markersOf } from "./controls";
import { ReplayEngine } from "./replay-engine";
import { Side } from "./side";
import type { ScenarioSummary } from "./types";
import styles from "./sandbox.module.css";

/**
 * A request from outside the player: play (the poster's button), open at a time (a deep link), or
 * the presenter's keys (play/pause, next/previous marker). `id` makes repeats distinct.
 */
export type PlayerRequest =
  | { kind: "play"; id: number }
  | { kind: "seek"; time: number; id: number }
  | { kind: "toggle"; id: number }
  | { kind: "marker"; direction: 1 | -1; id: number };

export interface SandboxPlayerProps {
  scenarios: ScenarioSummary[];
  posters: string[];
  compare: boolean;
  request?: PlayerRequest;
  /** Presenter mode: the terminal may grow to a large font and the panel is styled for a room. */
  presentation?: boolean;
  /** Server-rendered traffic charts, one per scenario or null: the playhead follows this player's clock. */
  charts?: (ReactNode | null)[];
}

type Loaded = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; recordings: Recording[] };

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
    throw new Error(`The recording ${file} is damaged: ${error instanceof AsciicastError ? error.message : String(error)}`);
  }
}

const SEEK_STEP = 5;

/** Presenter mode's largest terminal font (px); the stage's width decides the actual size. */
const PRESENTATION_MAX_FONT_SIZE = 32;

export function SandboxPlayer({ scenarios, posters, compare, request, presentation = false, charts }: SandboxPlayerProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const engineRef = useRef<ReplayEngine | null>(null);
  const terminalRefs = useRef<Array<HTMLDivElement | null>>([]);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [started, setStarted] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [copied, setCopied] = useState("");
  const handled = useRef<number | undefined>(undefined);

  const duration = Math.max(...scenarios.map((scenario) => scenario.duration));
  const markers = useMemo(() => markersOf(scenarios), [scenarios]);
  const markerTimes = useMemo(() => markers.map((marker) => marker.event.time), [markers]);

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

  useEffect(() => {
    if (loaded.status !== "ready") return;
    const containers = terminalRefs.current;
    const engine = new ReplayEngine(
      loaded.recordings.map((recording, index) => ({ recording, events: scenarios[index]!.events, container: containers[index]! })),
      {
        onFrame: () => {
          setTime(engine.time);
          setPlaying(engine.clock.playing);
        },
        onEvent: (side, event: TimelineEvent) => setAnnouncement(`${compare ? `${scenarios[side]!.title}: ` : ""}${event.label} at ${formatTime(event.time)}`),
      },
      presentation ? PRESENTATION_MAX_FONT_SIZE : undefined,
    );
    engineRef.current = engine;
    return () => {
      engine.dispose();
      engineRef.current = null;
    };
  }, [loaded, scenarios, compare, presentation]);

  const act = useCallback((action: (engine: ReplayEngine) => void) => {
    const engine = engineRef.current;
    if (!engine) return;
    setStarted(true);
    action(engine);
  }, []);

  const seekTo = useCallback((target: number) => act((engine) => engine.seek(target)), [act]);
  const jumpMarker = useCallback(
    (direction: 1 | -1) =>
      act((engine) => {
        const now = engine.time;
        // While playing, "previous" a moment after a marker goes back past it, like a media player.
        const target = direction === 1 ? nextMarkerTime(markerTimes, now) : previousMarkerTime(markerTimes, now, engine.clock.playing ? 1 : undefined);
        if (target === undefined) return;
        engine.seek(target);
        const hit = markers.find((marker) => marker.event.time === target);
        if (hit) setAnnouncement(`${compare ? `${scenarios[hit.side]!.title}: ` : ""}${hit.event.label} at ${formatTime(target)}`);
      }),
    [act, markerTimes, markers, compare, scenarios],
  );

  // Apply a request from outside (the poster's Play, a deep link, the presenter's keys) once the engine exists.
  useEffect(() => {
    const engine = engineRef.current;
    if (!engine || !request || handled.current === request.id) return;
    handled.current = request.id;
    setStarted(true);
    if (request.kind === "play") engine.play();
    else if (request.kind === "seek") engine.seek(request.time);
    else if (request.kind === "toggle") engine.toggle();
    else jumpMarker(request.direction);
  }, [request, loaded, jumpMarker]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const onControl = target.closest("button, select, input, a, summary") !== null;
    const onRange = target instanceof HTMLInputElement && target.type === "range";
    const key = event.key;
    if ((key === " " && !onControl) || key === "k") act((engine) => engine.toggle());
    else if ((key === "ArrowLeft" || key === "ArrowRight") && !onRange && target.tagName !== "SELECT") {
      act((engine) => engine.seek(engine.time + (key === "ArrowLeft" ? -SEEK_STEP : SEEK_STEP)));
    } else if (key === "[") jumpMarker(-1);
    else if (key === "]") jumpMarker(1);
    else if (/^[0-9]$/.test(key) && !onRange) seekTo(timeAtDigit(duration, Number(key)));
    else return;
    event.preventDefault();
  };

  const copyLink = async () => {
    const url = `${window.location.origin}${window.location.pathname}${deepLink(scenarios[0]!.name, time)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(`Link copied: ${url}`);
    } catch {
      setCopied(`Copy this link: ${url}`);
    }
  };

  if (loaded.status === "error") {
    return (
      <p className={styles.error} role="alert">
        {loaded.message} The transcript below may still be readable.
      </p>
    );
  }

  const ready = loaded.status === "ready";
  return (
    <div className={`${styles.player} ${presentation ? styles.presentation : ""}`} role="group" aria-label={`Sandbox player: ${scenarios.map((s) => s.title).join(" vs ")}`} onKeyDown={onKeyDown}>
      <div className={compare ? styles.sides : undefined}>
        {scenarios.map((scenario, index) => {
          const recording = ready ? loaded.recordings[index] : undefined;
          const state = recording ? stateAt(recording, scenario.events, time) : {};
          const last = scenario.events[eventIndexAt(scenario.events, time)];
          return (
            <Side key={scenario.name} scenario={scenario} compare={compare} state={state} lastEvent={last?.label}>
              <div
                className={styles.terminal}
                ref={(element) => {
                  terminalRefs.current[index] = element;
                }}
                role="group"
                tabIndex={0}
                aria-label={`Terminal replay of ${scenario.title}; the transcript below has the same text. Keys: space or k play and pause, arrows seek, [ and ] jump between markers, 0 to 9 jump to 0 to 90 %.`}
                data-testid="sandbox-terminal"
              />
              {!started ? (
                <pre className={`${styles.poster} ${styles.posterOverlay}`} aria-hidden="true">
                  {posters[index]}
                </pre>
              ) : null}
              {loaded.status === "loading" ? <p className={styles.loading}>Loading the recording…</p> : null}
            </Side>
          );
        })}
      </div>
      {charts?.map((chart, index) =>
        chart ? <ChartPlayhead key={scenarios[index]!.name} chart={chart} duration={scenarios[index]!.duration} time={time} onSeek={seekTo} /> : null,
      )}

      <div className={styles.controls}>
        <Controls
          time={time}
          duration={duration}
          markers={markers}
          compare={compare}
          playing={playing}
          speed={speed}
          ready={ready}
          onToggle={() => act((engine) => engine.toggle())}
          onSeek={seekTo}
          onMarker={jumpMarker}
          onSpeed={(next) => {
            setSpeed(next);
            act((engine) => engine.setSpeed(next));
          }}
          onCopyLink={copyLink}
        />
        <p className={styles.visuallyHidden} aria-live="polite">
          {announcement}
        </p>
        <p className={styles.copied} aria-live="polite">
          {copied}
        </p>
      </div>
    </div>
  );
}
