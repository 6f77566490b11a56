import { describe, expect, it } from "vitest";
import { PlaybackClock } from "./clock";

function fakeClock(duration = 10) {
  let now = 0;
  const clock = new PlaybackClock(duration, () => now);
  return { clock, advance: (ms: number) => (now += ms) };
}

describe("PlaybackClock", () => {
  it("stands still until played, and keeps its place when paused", () => {
    const { clock, advance } = fakeClock();
    advance(500);
    expect(clock.time).toBe(0);
    clock.play();
    advance(1500);
    expect(clock.time).toBe(1.5);
    clock.pause();
    advance(5000);
    expect(clock.time).toBe(1.5);
  });

  it("runs at the chosen speed from the moment the speed changes", () => {
    const { clock, advance } = fakeClock();
    clock.play();
    advance(1000);
    clock.setSpeed(4);
    advance(500);
    expect(clock.time).toBe(3);
    clock.setSpeed(0.5);
    advance(2000);
    expect(clock.time).toBe(4);
    expect(() => clock.setSpeed(0)).toThrow(RangeError);
  });

  it("seeks within the recording while playing or paused", () => {
    const { clock, advance } = fakeClock();
    clock.seek(7);
    expect(clock.time).toBe(7);
    clock.play();
    advance(1000);
    expect(clock.time).toBe(8);
    clock.seek(-3);
    expect(clock.time).toBe(0);
    clock.seek(99);
    expect(clock.time).toBe(10);
  });

  it("pauses at the end and starts over when played again", () => {
    const { clock, advance } = fakeClock(2);
    clock.play();
    advance(5000);
    expect(clock.time).toBe(2);
    expect(clock.playing).toBe(false);
    expect(clock.ended).toBe(true);
    clock.play();
    advance(500);
    expect(clock.time).toBe(0.5);
  });
});
