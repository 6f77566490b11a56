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

export function deepLink(scenario: string, time: number): string {
  return `#${scenario}@${Math.max(0, Math.round(time * 10) / 10)}`;
}
