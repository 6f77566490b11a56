"use client";

import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from "react";
import { formatTime } from "@/lib/asciicast/time-display";
import { deepLink } from "@/lib/player/deep-link";
import { eventIndexAt, nextMarkerTime, previousMarkerTime, timeAtDigit } from "@/lib/player/navigation";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";
import { stateAt, type TimelineEvent } from "@/lib/recordings/timeline";
import { ChartPlayhead } from "./chart-playhead";
import { Controls, markersOf } from "./controls";
import { ReplayEngine } from "./replay-engine";
import { Poster } from "./poster";
import { Side, Sides } from "./side";
import { panelFields } from "./state-panel";
import { useRecordings } from "./use-recordings";
import { PRESENTATION_FONT_SIZES } from "./fit";
import styles from "./sandbox.module.css";

/**
 * What the page around a player can ask of it: play (the poster's button), open at a time (a deep
 * link, a finished live run), the presenter's keys (play/pause, next/previous marker). A command
 * given while the recordings are still loading runs once they are in (the latest one).
 */
export interface PlayerHandle {
  play(): void;
  toggle(): void;
  seek(time: number): void;
  jumpMarker(direction: 1 | -1): void;
}

export interface SandboxPlayerProps {
  ref?: Ref<PlayerHandle>;
  scenarios: ScenarioSummary[];
  posters: string[];
  compare: boolean;
  /** Presenter mode: the terminal may grow to a large font and the panel is styled for a room. */
  presentation?: boolean;
  /** Server-rendered traffic charts, one per scenario or null: the playhead follows this player's clock. */
  charts?: (ReactNode | null)[];
}

const SEEK_STEP = 5;

/** The engine's clock as the controls show it, copied after every rendered frame. */
interface Playback {
  time: number;
  playing: boolean;
  speed: number;
}

export function SandboxPlayer({ ref, scenarios, posters, compare, presentation = false, charts }: SandboxPlayerProps) {
  const loaded = useRecordings(scenarios);
  const engineRef = useRef<ReplayEngine | null>(null);
  const terminalRefs = useRef<Array<HTMLDivElement | null>>([]);
  /** Actions asked for before the engine existed (Play, then a seek or a speed): all run, in order, as soon as it does. */
  const waiting = useRef<Array<(engine: ReplayEngine) => void>>([]);
  const [{ time, playing, speed }, setPlayback] = useState<Playback>({ time: 0, playing: false, speed: 1 });
  const [started, setStarted] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [copied, setCopied] = useState("");

  const duration = Math.max(...scenarios.map((scenario) => scenario.duration));
  const markers = useMemo(() => markersOf(scenarios), [scenarios]);
  const markerTimes = useMemo(() => markers.map((marker) => marker.event.time), [markers]);
  const fields = useMemo(() => panelFields(scenarios.flatMap((scenario) => scenario.events)), [scenarios]);

  useEffect(() => {
    if (loaded.status !== "ready") return;
    const containers = terminalRefs.current;
    const engine = new ReplayEngine(
      loaded.recordings.map((recording, index) => ({
        recording,
        // As many rows as the recording prints into (the screen reserved the same), not its recorded 30.
        screens: loaded.screens[index]!,
        events: scenarios[index]!.events,
        container: containers[index]!,
      })),
      {
        onFrame: () => setPlayback({ time: engine.time, playing: engine.clock.playing, speed: engine.clock.speed }),
        onEvent: (side, event: TimelineEvent) =>
          setAnnouncement(`${compare ? `${scenarios[side]!.title}: ` : ""}${event.label} at ${formatTime(event.time)}`),
      },
      presentation ? PRESENTATION_FONT_SIZES : undefined,
    );
    engineRef.current = engine;
    const actions = waiting.current;
    waiting.current = [];
    if (actions.length > 0) {
      setStarted(true);
      for (const action of actions) action(engine);
    }
    return () => {
      engine.dispose();
      engineRef.current = null;
    };
  }, [loaded, scenarios, compare, presentation]);

  const act = useCallback((action: (engine: ReplayEngine) => void) => {
    const engine = engineRef.current;
    if (!engine) {
      waiting.current.push(action);
      return;
    }
    setStarted(true);
    action(engine);
  }, []);

  const seekTo = useCallback((target: number) => act((engine) => engine.seek(target)), [act]);
  const jumpMarker = useCallback(
    (direction: 1 | -1) =>
      act((engine) => {
        const now = engine.time;
        // While playing, "previous" a moment after a marker goes back past it, like a media player.
        const target =
          direction === 1
            ? nextMarkerTime(markerTimes, now)
            : previousMarkerTime(markerTimes, now, engine.clock.playing ? 1 : undefined);
        if (target === undefined) return;
        engine.seek(target);
        const hit = markers.find((marker) => marker.event.time === target);
        if (hit)
          setAnnouncement(
            `${compare ? `${scenarios[hit.side]!.title}: ` : ""}${hit.event.label} at ${formatTime(target)}`,
          );
      }),
    [act, markerTimes, markers, compare, scenarios],
  );

  useImperativeHandle(
    ref,
    () => ({
      play: () => act((engine) => engine.play()),
      toggle: () => act((engine) => engine.toggle()),
      seek: seekTo,
      jumpMarker,
    }),
    [act, seekTo, jumpMarker],
  );

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
    <div
      className={`${styles.player} ${presentation ? styles.presentation : ""}`}
      role="group"
      aria-label={`Sandbox player: ${scenarios.map((s) => s.title).join(" vs ")}`}
      onKeyDown={onKeyDown}
    >
      <Sides compare={compare}>
        {scenarios.map((scenario, index) => {
          const recording = ready ? loaded.recordings[index] : undefined;
          const state = recording ? stateAt(recording, scenario.events, time) : {};
          const last = scenario.events[eventIndexAt(scenario.events, time)];
          return (
            <Side
              key={scenario.name}
              scenario={scenario}
              compare={compare}
              fields={fields}
              state={state}
              lastEvent={last?.label}
            >
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
              {!started ? <Poster scenario={scenario} text={posters[index]!} /> : null}
              {loaded.status === "loading" ? <p className={styles.loading}>Loading the recording…</p> : null}
            </Side>
          );
        })}
      </Sides>
      {charts?.map((chart, index) =>
        chart ? (
          <ChartPlayhead
            key={scenarios[index]!.name}
            chart={chart}
            duration={scenarios[index]!.duration}
            time={time}
            onSeek={seekTo}
          />
        ) : null,
      )}

      <div className={styles.controls}>
        <Controls
          time={time}
          duration={duration}
          markers={markers}
          compare={compare}
          sideTitles={scenarios.map((scenario) => scenario.title)}
          playing={playing}
          speed={speed}
          ready={ready}
          // Play answers while the recordings load (the press waits for them, as the poster's does): a reader who pressed
          // it just as the player took the poster's place must not lose the press to a disabled button.
          canPlay
          onToggle={() => act((engine) => engine.toggle())}
          onSeek={seekTo}
          onMarker={jumpMarker}
          onSpeed={(next) => act((engine) => engine.setSpeed(next))}
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
