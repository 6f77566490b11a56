/*
 * What the controls show of the player's clock, apart from the clock itself (./clock.ts): the
 * controls are part of a lesson's first load, the clock loads with the player.
 */

/** The playback speeds the controls offer. */
export const SPEEDS = [0.5, 1, 1.5, 2, 4] as const;

/** Playback seconds as the player's clock shows them: `1:15.3`. */
export function formatTime(seconds: number): string {
  const whole = Math.max(0, seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole - minutes * 60;
  return `${minutes}:${rest.toFixed(1).padStart(4, "0")}`;
}
