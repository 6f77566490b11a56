/**
 * A link into a sandbox at a moment, `#stop-naive@12.5`: the player writes it ("copy link"), the
 * island opens at it, and <Evidence> builds it on the server, so the format lives in one place.
 */

/** `#stop-naive@12.5` → { scenario, time }. */
export function parseDeepLink(hash: string): { scenario: string; time: number } | undefined {
  const match = /^#?([a-z0-9-]+)@(\d+(?:\.\d+)?)$/.exec(decodeURIComponent(hash));
  if (!match) return undefined;
  return { scenario: match[1]!, time: Number(match[2]) };
}

/**
 * Rounds UP to a tenth: a link rounded to the nearest tenth can open just before the moment it was copied at and show
 * the state before it. The small tolerance keeps a time already on a tenth (3.3 stored as 3.3000000000000003) there.
 */
export function linkTime(time: number): number {
  return Math.max(0, Math.ceil(Math.round(time * 1e6) / 1e5) / 10);
}

export function deepLink(scenario: string, time: number): string {
  return `#${scenario}@${linkTime(time)}`;
}
