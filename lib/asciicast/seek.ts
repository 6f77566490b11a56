import type { OutputEvent } from "./parse";

/**
 * Plans what to write to the terminal to move the playhead. Forward moves write only the new
 * output. Backward moves must rebuild the screen: they start from the nearest "snapshot" at or
 * before the target, a point where the terminal is known to be blank (a full reset, or a clear of
 * screen and scrollback), so a seek never replays more than the output since the last clear.
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
  /** Event indexes at which replay may start from a blank terminal (always includes 0). */
  readonly snapshots: number[] = [0];

  constructor(private readonly output: readonly OutputEvent[]) {
    output.forEach((event, index) => {
      BLANK_SCREEN.lastIndex = 0;
      // The screen is blank from this event on only if the clear is its last effect; keep what follows the clear.
      if (BLANK_SCREEN.test(event.data) && index > 0) this.snapshots.push(index);
    });
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
    if (target >= current) return { reset: false, data: this.join(current, target), position: target };
    let start = 0;
    for (const snapshot of this.snapshots) if (snapshot < target) start = snapshot;
    return { reset: true, data: this.join(start, target), position: target };
  }

  private join(from: number, to: number): string {
    let data = "";
    for (let i = from; i < to; i++) data += this.output[i]!.data;
    return data;
  }
}
