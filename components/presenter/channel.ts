/**
 * The presenter window and its speaker-notes window talk over a BroadcastChannel (same browser,
 * same origin, no server): the presenter announces its step, the notes window asks to move.
 */
export type PresenterMessage = { type: "step"; index: number } | { type: "go"; index: number } | { type: "hello" };

export function presenterChannel(
  presentHref: string,
  onMessage: (message: PresenterMessage) => void,
): { post: (message: PresenterMessage) => void; close: () => void } {
  if (typeof BroadcastChannel === "undefined") return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(`presenter:${presentHref}`);
  channel.onmessage = (event: MessageEvent<PresenterMessage>) => onMessage(event.data);
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
