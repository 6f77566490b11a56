/**
 * The playback clock: one per sandbox (shared by both sides in compare mode). Time only moves when
 * read, so there is no timer to leak; the view reads it on each animation frame.
 */
export class PlaybackClock {
  private base = 0;
  private startedAt = 0;
  private running = false;
  private rate = 1;

  constructor(
    readonly duration: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get playing(): boolean {
    return this.running;
  }

  get speed(): number {
    return this.rate;
  }

  /** Current playback seconds; reaching the end pauses the clock there. */
  get time(): number {
    if (!this.running) return this.base;
    const time = this.base + ((this.now() - this.startedAt) / 1000) * this.rate;
    if (time >= this.duration) {
      this.running = false;
      this.base = this.duration;
      return this.duration;
    }
    return time;
  }

  get ended(): boolean {
    return !this.running && this.base >= this.duration;
  }

  play(): void {
    if (this.running) return;
    if (this.base >= this.duration) this.base = 0; // play at the end starts over, like a video
    this.startedAt = this.now();
    this.running = true;
  }

  pause(): void {
    if (!this.running) return;
    this.base = this.time;
    this.running = false;
  }

  seek(time: number): void {
    this.base = Math.min(this.duration, Math.max(0, time));
    this.startedAt = this.now();
  }

  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
    this.base = this.time;
    this.startedAt = this.now();
    this.rate = speed;
  }
}
