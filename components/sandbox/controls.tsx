import { SPEEDS } from "@/lib/asciicast/clock";
import { formatTime } from "@/lib/asciicast/clock";
import type { TimelineEvent } from "@/lib/recordings/timeline";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";
import styles from "./sandbox.module.css";

export interface Marker {
  side: number;
  event: TimelineEvent;
}

/** Every scenario's markers on one time axis (compare mode puts both sides' markers on the same bar). */
export function markersOf(scenarios: readonly ScenarioSummary[]): Marker[] {
  return scenarios
    .flatMap((scenario, side) => scenario.events.map((event) => ({ side, event })))
    .sort((a, b) => a.event.time - b.event.time);
}

export interface ControlsProps {
  time: number;
  duration: number;
  markers: Marker[];
  compare: boolean;
  playing: boolean;
  speed: number;
  /** The recording is loaded and every control works. */
  ready: boolean;
  /** Play works before the recording is loaded (the poster's button starts loading it). */
  canPlay?: boolean;
  onToggle: () => void;
  onSeek?: (time: number) => void;
  onMarker?: (direction: 1 | -1) => void;
  onSpeed?: (speed: number) => void;
  onCopyLink?: () => void;
}

/**
 * The player's controls. The poster renders the same bar (only Play enabled) so the sandbox keeps
 * its height when the player replaces the poster and nothing on the page shifts.
 */
export function Controls({
  time,
  duration,
  markers,
  compare,
  playing,
  speed,
  ready,
  canPlay = ready,
  onToggle,
  onSeek,
  onMarker,
  onSpeed,
  onCopyLink,
}: ControlsProps) {
  return (
    <>
      <div className={styles.seekRow}>
        <input
          type="range"
          className={styles.seek}
          min={0}
          max={duration}
          step={0.1}
          value={time}
          disabled={!ready}
          aria-label="Seek"
          aria-valuetext={`${formatTime(time)} of ${formatTime(duration)}`}
          onChange={(event) => onSeek?.(Number(event.target.value))}
        />
        <div className={styles.markerTrack} aria-hidden="true">
          {markers.map(({ side, event }) => (
            <span
              key={`${side}-${event.label}-${event.time}`}
              className={styles.markerTick}
              data-side={compare ? side : undefined}
              style={{ left: `${(event.time / duration) * 100}%` }}
              title={`${event.label} (${formatTime(event.time)})`}
              onClick={() => onSeek?.(event.time)}
            />
          ))}
        </div>
      </div>
      <div className={styles.buttons}>
        <button
          type="button"
          className={styles.button}
          disabled={!canPlay}
          onClick={onToggle}
          aria-label={playing ? "Pause" : "Play"}
        >
          {playing ? "❚❚" : "▶"}
        </button>
        <button
          type="button"
          className={styles.button}
          disabled={!ready}
          onClick={() => onSeek?.(0)}
          aria-label="Restart"
        >
          ⟲
        </button>
        <button
          type="button"
          className={styles.button}
          disabled={!ready}
          onClick={() => onMarker?.(-1)}
          aria-label="Previous marker"
        >
          |◀
        </button>
        <button
          type="button"
          className={styles.button}
          disabled={!ready}
          onClick={() => onMarker?.(1)}
          aria-label="Next marker"
        >
          ▶|
        </button>
        <label className={styles.speed}>
          <span className={styles.visuallyHidden}>Speed</span>
          <select value={speed} disabled={!ready} onChange={(event) => onSpeed?.(Number(event.target.value))}>
            {SPEEDS.map((option) => (
              <option key={option} value={option}>
                {option}×
              </option>
            ))}
          </select>
        </label>
        <span className={styles.clock} data-testid="sandbox-time" data-time={time.toFixed(3)}>
          {formatTime(time)} / {formatTime(duration)}
        </span>
        <button type="button" className={`${styles.button} ${styles.copy}`} disabled={!ready} onClick={onCopyLink}>
          Copy link to {formatTime(time)}
        </button>
      </div>
    </>
  );
}
