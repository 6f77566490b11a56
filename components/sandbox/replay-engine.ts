import type { Terminal } from "@xterm/xterm";
import { PlaybackClock } from "@/lib/asciicast/clock";
import type { Recording } from "@/lib/asciicast/parse";
import { SeekIndex } from "@/lib/asciicast/seek";
import type { TimelineEvent } from "@/lib/recordings/timeline";
import { fitTerminal, LESSON_FONT_SIZES, openTerminal, type FontSizeRange } from "./terminal";

/** RIS, the terminal's full reset, as output. */
const FULL_RESET = "\u001bc";

interface Side {
  term: Terminal;
  container: HTMLElement;
  index: SeekIndex;
  /** Output events the terminal has consumed. */
  position: number;
  events: TimelineEvent[];
}

export interface EngineCallbacks {
  /** Called after every rendered step (each animation frame while playing, and after seeks). */
  onFrame(): void;
  /** A marker event the playhead crossed while playing (side index, event). */
  onEvent(side: number, event: TimelineEvent): void;
}

/**
 * Drives one or two xterm terminals from one clock. Writes are planned by SeekIndex so playing
 * writes only new output and a seek restores the nearest keyframe (build-time, or a clear in the
 * recording) and writes at most a keyframe interval of events after it.
 */
export class ReplayEngine {
  readonly clock: PlaybackClock;
  private readonly sides: Side[];
  private frame = 0;
  private lastTime = 0;
  private readonly resizeObserver: ResizeObserver;
  private fitFrame = 0;

  constructor(
    recordings: Array<{ recording: Recording; events: TimelineEvent[]; container: HTMLElement }>,
    private readonly callbacks: EngineCallbacks,
    private readonly fontSizes: FontSizeRange = LESSON_FONT_SIZES,
  ) {
    this.clock = new PlaybackClock(Math.max(...recordings.map((r) => r.recording.duration)));
    this.sides = recordings.map(({ recording, events, container }) => {
      const term = openTerminal(container, recording.cols, recording.rows, fontSizes.max);
      return { term, container, index: new SeekIndex(recording.output, recording.keyframes), position: 0, events };
    });
    // Fitting changes the font size, never the columns, so recorded lines never re-wrap.
    this.resizeObserver = new ResizeObserver(() => {
      cancelAnimationFrame(this.fitFrame);
      this.fitFrame = requestAnimationFrame(() => this.fit());
    });
    for (const side of this.sides) this.resizeObserver.observe(side.container);
    this.fit();
  }

  fit(): void {
    for (const side of this.sides) fitTerminal(side.term, side.container, this.fontSizes);
  }

  get time(): number {
    return this.clock.time;
  }

  play(): void {
    this.clock.play();
    this.tick();
  }

  pause(): void {
    this.clock.pause();
    cancelAnimationFrame(this.frame);
    this.render(this.clock.time, false);
    this.callbacks.onFrame();
  }

  toggle(): void {
    if (this.clock.playing) this.pause();
    else this.play();
  }

  seek(time: number): void {
    this.clock.seek(time);
    this.render(this.clock.time, false);
    this.callbacks.onFrame();
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
    this.callbacks.onFrame();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.fitFrame);
    this.resizeObserver.disconnect();
    for (const side of this.sides) side.term.dispose();
  }

  private tick = () => {
    this.render(this.clock.time, true);
    this.callbacks.onFrame();
    if (this.clock.playing) this.frame = requestAnimationFrame(this.tick);
  };

  /**
   * Brings every terminal to `time`; xterm parses the written output in a task of its own and draws it at the next
   * animation frame.
   */
  private render(time: number, announce: boolean): void {
    this.sides.forEach((side, sideIndex) => {
      const plan = side.index.plan(side.position, time);
      side.position = plan.position;
      if (plan.data || plan.reset) {
        // The reset goes in the output stream, not through term.reset(), which acts at once: it must not overtake
        // output xterm has queued but not parsed yet (a quick second seek would replay the first one's output after it).
        side.term.write(plan.reset ? FULL_RESET + plan.data : plan.data);
      }
      if (announce && time > this.lastTime) {
        for (const event of side.events)
          if (event.time > this.lastTime && event.time <= time) this.callbacks.onEvent(sideIndex, event);
      }
    });
    this.lastTime = time;
  }
}
