import type { OutputEvent } from "./parse";

/**
 * A point to restart replay from: writing `screen` into a freshly reset terminal of the recording's
 * size, then the output events from `position` on, gives the same terminal (screen, scrollback,
 * cursor, modes) as writing every event from the start. Build-time keyframes carry the serialized
 * terminal after `position` events (./keyframes.server.ts); an event that clears everything is a
 * keyframe with an empty screen at its own position (the clear is replayed).
 */
export interface Keyframe {
  position: number;
  screen: string;
}

/**
 * Plans what to write to the terminal to move the playhead. Short forward moves (playing) write
 * only the new output. Anything else restores the nearest keyframe at or before the target and
 * writes the events after it, so with keyframes every `interval` events a seek costs one restore
 * plus at most `interval` events, however long the recording is.
 */
export interface SeekPlan {
  /** Reset the terminal before writing. */
  reset: boolean;
  /** Output to write, joined into one string (one xterm parse instead of hundreds). */
  data: string;
  /** Number of output events the terminal will have consumed afterwards. */
  position: number;
}

const BLANK_SCREEN = /\u001bc|\u001b\[3J[^]*?\u001b\[2J|\u001b\[2J[^]*?\u001b\[3J/g;

export class SeekIndex {
  /** Keyframes sorted by position; the first is always the blank terminal before any output. */
  readonly keyframes: Keyframe[];

  constructor(
    private readonly output: readonly OutputEvent[],
    computed: readonly Keyframe[] = [],
  ) {
    const byPosition = new Map<number, Keyframe>([[0, { position: 0, screen: "" }]]);
    output.forEach((event, index) => {
      BLANK_SCREEN.lastIndex = 0;
      // The screen is blank from this event on only if the clear is its last effect; keep what follows the clear.
      if (BLANK_SCREEN.test(event.data) && index > 0) byPosition.set(index, { position: index, screen: "" });
    });
    for (const keyframe of computed)
      if (keyframe.position > 0 && keyframe.position <= output.length && !byPosition.has(keyframe.position))
        byPosition.set(keyframe.position, keyframe);
    this.keyframes = [...byPosition.values()].sort((a, b) => a.position - b.position);
  }

  /** Number of output events with time ≤ `time`. */
  positionAt(time: number): number {
    let low = 0;
    let high = this.output.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.output[mid]!.time <= time + 1e-9) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  plan(current: number, time: number): SeekPlan {
    const target = this.positionAt(time);
    const keyframe = this.keyframeBefore(target);
    if (target >= current && target - current <= target - keyframe.position)
      return { reset: false, data: this.join(current, target), position: target };
    return { reset: true, data: keyframe.screen + this.join(keyframe.position, target), position: target };
  }

  /**
   * The last keyframe before `position` (or the blank start for 0): a clear's keyframe needs its own event replayed.
   * A binary search, so seeking stays cheap with thousands of keyframes.
   */
  private keyframeBefore(position: number): Keyframe {
    let low = 0;
    let high = this.keyframes.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.keyframes[mid]!.position < position) low = mid;
      else high = mid - 1;
    }
    return this.keyframes[low]!;
  }

  private join(from: number, to: number): string {
    let data = "";
    for (let i = from; i < to; i++) data += this.output[i]!.data;
    return data;
  }
}
