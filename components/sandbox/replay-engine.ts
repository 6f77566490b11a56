import { PlaybackClock } from "@/lib/asciicast/clock";
import type { Recording } from "@/lib/asciicast/parse";
import { eventsUpTo, ScreenTimeline, type Screens } from "@/lib/asciicast/screens";
import type { TimelineEvent } from "@/lib/recordings/timeline";
import { fitFontSize, LESSON_FONT_SIZES, type FontSizeRange } from "./fit";
import { ScreenView } from "./screen-view";

interface Side {
  recording: Recording;
  timeline: ScreenTimeline;
  view: ScreenView;
  container: HTMLElement;
  events: TimelineEvent[];
}

export interface EngineCallbacks {
  /** Called after every rendered step (each animation frame while playing, and after seeks). */
  onFrame(): void;
  /** A marker event the playhead crossed while playing (side index, event). */
  onEvent(side: number, event: TimelineEvent): void;
}

/**
 * Drives one or two screens from one clock. Playing applies each new event's step; a seek restores
 * the nearest whole screen and applies at most a keyframe interval of steps after it (ScreenTimeline).
 * Either way the rows are drawn at once, in the same task: the next frame shows them.
 */
export class ReplayEngine {
  readonly clock: PlaybackClock;
  private readonly sides: Side[];
  private frame = 0;
  private lastTime = 0;
  private readonly resizeObserver: ResizeObserver;
  private fitFrame = 0;
  private seekFrame = 0;
  private disposed = false;

  constructor(
    recordings: Array<{ recording: Recording; screens: Screens; events: TimelineEvent[]; container: HTMLElement }>,
    private readonly callbacks: EngineCallbacks,
    private readonly fontSizes: FontSizeRange = LESSON_FONT_SIZES,
  ) {
    this.clock = new PlaybackClock(Math.max(...recordings.map((r) => r.recording.duration)));
    this.sides = recordings.map(({ recording, screens, events, container }) => ({
      recording,
      timeline: new ScreenTimeline(screens),
      view: new ScreenView(container, screens, fontSizes.max),
      container,
      events,
    }));
    // Fitting changes the font size, never the columns, so recorded lines never re-wrap.
    this.resizeObserver = new ResizeObserver(() => {
      cancelAnimationFrame(this.fitFrame);
      this.fitFrame = requestAnimationFrame(() => this.fit());
    });
    for (const side of this.sides) this.resizeObserver.observe(side.container);
    this.fit();
  }

  fit(): void {
    for (const side of this.sides) fitFontSize(side.view, side.container, this.fontSizes);
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

  /**
   * The screen is drawn now and shown by the next frame, alone; the controls and the state panel follow a frame later,
   * as they do while playing (the engine ticks in an animation frame, React commits after it). Drawn in the same frame,
   * the page's relayout and repaint around the controls would hold back the screen, which is what the learner watches.
   */
  seek(time: number): void {
    this.clock.seek(time);
    this.render(this.clock.time, false);
    cancelAnimationFrame(this.seekFrame);
    this.seekFrame = requestAnimationFrame(() => {
      // A message posted during a frame's callbacks is handled after that frame is painted.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => !this.disposed && this.callbacks.onFrame();
      channel.port2.postMessage(null);
    });
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
    this.callbacks.onFrame();
  }

  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.seekFrame);
    cancelAnimationFrame(this.fitFrame);
    this.resizeObserver.disconnect();
    for (const side of this.sides) side.view.dispose();
  }

  private tick = () => {
    this.render(this.clock.time, true);
    this.callbacks.onFrame();
    if (this.clock.playing) this.frame = requestAnimationFrame(this.tick);
  };

  /** Brings every screen to `time` and draws the rows that changed. */
  private render(time: number, announce: boolean): void {
    this.sides.forEach((side, sideIndex) => {
      side.timeline.goTo(eventsUpTo(side.recording.output, time));
      side.view.paint(side.timeline.rows);
      if (announce && time > this.lastTime) {
        for (const event of side.events)
          if (event.time > this.lastTime && event.time <= time) this.callbacks.onEvent(sideIndex, event);
      }
    });
    this.lastTime = time;
  }
}
