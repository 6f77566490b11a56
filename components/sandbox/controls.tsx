"use client";

import { Fragment, useEffect, useRef, useState } from "react";
import { formatTime, SPEEDS } from "@/lib/asciicast/time-display";
import { clusterMarkers, type MarkerCluster } from "@/lib/player/marker-clusters";
import { linkTime } from "@/lib/player/deep-link";
import { markerDotsBackground } from "@/lib/player/marker-dots";
import { SEEK_BAR_STEP, seekBarMax, seekBarValue } from "@/lib/player/navigation";
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
  /** Compare mode: each side's title, for the legend that explains the markers' two colours. */
  sideTitles?: string[];
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
  sideTitles,
}: ControlsProps) {
  // The bar's scale, markers included, ends on its step grid at or after the last output.
  const barMax = seekBarMax(duration);
  return (
    <>
      {/* Before the player loads, no marker can be hit: the bar paints them as dots (see marker-dots.ts) on its own
          background rather than on an element of their own. */}
      <div
        className={styles.seekRow}
        style={
          ready
            ? undefined
            : {
                backgroundImage: markerDotsBackground(
                  markers.map(({ side, event }) => ({ side, time: event.time })),
                  barMax,
                ),
              }
        }
      >
        <input
          type="range"
          className={styles.seek}
          min={0}
          max={barMax}
          step={SEEK_BAR_STEP}
          value={seekBarValue(time, duration)}
          disabled={!ready}
          aria-label="Seek"
          aria-valuetext={`${formatTime(time)} of ${formatTime(duration)}`}
          onChange={(event) => onSeek?.(Number(event.target.value))}
        />
        {ready ? <MarkerTrack markers={markers} duration={barMax} compare={compare} onSeek={onSeek} /> : null}
      </div>
      {compare && sideTitles ? (
        <p className={styles.markerLegend}>
          <span className={styles.visuallyHidden}>Markers on the seek bar: </span>
          {sideTitles.map((title, side) => (
            <span key={title} className={styles.legendEntry} data-side={side}>
              {title}
            </span>
          ))}
        </p>
      ) : null}
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
        {/* Named by aria-label: a label around a visually hidden span would be two elements more per sandbox. */}
        <select
          className={styles.speed}
          aria-label="Speed"
          value={speed}
          disabled={!ready}
          onChange={(event) => onSpeed?.(Number(event.target.value))}
        >
          {/* Before the player loads only the current speed: the poster keeps its DOM small. */}
          {(ready ? SPEEDS : [speed]).map((option) => (
            <option key={option} value={option}>
              {option}×
            </option>
          ))}
        </select>
        <span className={styles.clock} data-testid="sandbox-time" data-time={time.toFixed(3)}>
          {formatTime(time)} / {formatTime(duration)}
        </span>
        <button type="button" className={`${styles.button} ${styles.copy}`} disabled={!ready} onClick={onCopyLink}>
          Copy link to {formatTime(linkTime(time))}
        </button>
      </div>
    </>
  );
}

/** Until the bar is measured (the server render), clusters are computed for a lesson column's width. */
const ASSUMED_TRACK_WIDTH = 700;

/**
 * The loaded player's markers under the seek bar (before it loads, the bar paints them as dots: see marker-dots.ts), each a target a pointer or a finger can hit. Markers closer than a target merge into
 * one that opens a list of them. Out of the tab order: the keyboard has [ and ] for markers.
 */
function MarkerTrack({
  markers,
  duration,
  compare,
  onSeek,
}: {
  markers: Marker[];
  duration: number;
  compare: boolean;
  onSeek?: (time: number) => void;
}) {
  const trackRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(ASSUMED_TRACK_WIDTH);
  const [open, setOpen] = useState<number | undefined>(undefined);
  useEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    const observer = new ResizeObserver(() => setWidth(track.clientWidth));
    observer.observe(track);
    return () => observer.disconnect();
  }, []);
  const clusters = clusterMarkers(
    markers.map((marker) => ({ ...marker, time: marker.event.time })),
    duration,
    width,
  );
  const seek = (time: number) => {
    setOpen(undefined);
    onSeek?.(time);
  };
  const label = ({ event }: Marker) => `${event.label} (${formatTime(event.time)})`;
  const sideOf = (cluster: MarkerCluster<Marker>) => {
    const sides = new Set(cluster.members.map((member) => member.side));
    return compare ? (sides.size > 1 ? "both" : String(cluster.members[0]!.side)) : undefined;
  };
  return (
    <div
      ref={trackRef}
      className={styles.markerTrack}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open !== undefined) {
          setOpen(undefined);
          event.stopPropagation();
        }
      }}
    >
      {clusters.map((cluster, index) => {
        const single = cluster.members.length === 1 ? cluster.members[0]! : undefined;
        return (
          <Fragment key={index}>
            <button
              type="button"
              tabIndex={-1}
              className={styles.markerTick}
              style={{ left: `${cluster.position * 100}%` }}
              data-side={sideOf(cluster)}
              data-count={single ? undefined : cluster.members.length}
              title={single ? label(single) : cluster.members.map(label).join("\n")}
              aria-label={
                single
                  ? `Seek to ${label(single)}`
                  : `${cluster.members.length} markers from ${formatTime(cluster.members[0]!.event.time)}: show them`
              }
              aria-expanded={single ? undefined : open === index}
              onClick={() => (single ? seek(single.event.time) : setOpen(open === index ? undefined : index))}
            />
            {open === index && !single ? (
              <ul
                className={styles.markerList}
                style={
                  cluster.position > 0.5
                    ? { right: `calc(${(1 - cluster.position) * 100}% - 12px)` }
                    : { left: `calc(${cluster.position * 100}% - 12px)` }
                }
              >
                {cluster.members.map((member) => (
                  <li key={`${member.side}-${member.event.label}-${member.event.time}`}>
                    <button
                      type="button"
                      className={styles.markerChoice}
                      data-side={compare ? member.side : undefined}
                      onClick={() => seek(member.event.time)}
                    >
                      <span className={styles.markerChoiceTime}>{formatTime(member.event.time)}</span>{" "}
                      {member.event.label}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </Fragment>
        );
      })}
    </div>
  );
}
