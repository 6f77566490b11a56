/**
 * The presenter window and its speaker-notes window talk over a BroadcastChannel (same browser,
 * same origin, no server): the presenter announces its step, the notes window asks to move.
 */
export type PresenterMessage = { type: "step"; index: number } | { type: "go"; index: number } | { type: "hello" };

export function presenterChannel(presentHref: string, onMessage: (message: PresenterMessage) => void): { post: (message: PresenterMessage) => void; close: () => void } {
  if (typeof BroadcastChannel === "undefined") return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(`presenter:${presentHref}`);
  channel.onmessage = (event: MessageEvent<PresenterMessage>) => onMessage(event.data);
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}

/** Steps are numbered from 1 in the URL (#3), so a reload or a shared link opens the same step. */
export function stepFromHash(hash: string, count: number): number {
  const step = Number(/^#(\d+)$/.exec(hash)?.[1]);
  return Number.isInteger(step) && step >= 1 && step <= count ? step - 1 : 0;
}

/**
 * The step a move to `target` lands on (clamped to the lesson), or undefined when it stays on
 * `current` (→ on the last step, ← on the first): staying must change nothing, since resetting the
 * step would cancel its live run.
 */
export function stepTarget(current: number, target: number, count: number): number | undefined {
  const next = Math.min(count - 1, Math.max(0, target));
  return next === current ? undefined : next;
}
