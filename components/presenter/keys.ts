export type PresenterAction =
  | "next-step"
  | "previous-step"
  | "first-step"
  | "last-step"
  | "toggle-play"
  | "next-marker"
  | "previous-marker"
  | "toggle-notes"
  | "open-notes-window"
  | "toggle-fullscreen"
  | "run-live"
  | "cancel-live";

/**
 * The presenter's keys. Clickers send PageDown/PageUp (some send arrows, "." or "b"); the
 * player's own keys (space, k, [ and ]) keep their meaning.
 */
const KEYS: Record<string, PresenterAction> = {
  PageDown: "next-step",
  ArrowRight: "next-step",
  ArrowDown: "next-step",
  n: "next-step",
  PageUp: "previous-step",
  ArrowLeft: "previous-step",
  ArrowUp: "previous-step",
  p: "previous-step",
  Home: "first-step",
  End: "last-step",
  " ": "toggle-play",
  k: "toggle-play",
  ".": "toggle-play",
  "]": "next-marker",
  "[": "previous-marker",
  s: "toggle-notes",
  o: "open-notes-window",
  f: "toggle-fullscreen",
  l: "run-live",
  Escape: "cancel-live",
};

export function presenterAction(event: Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey">): PresenterAction | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  return KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
}

/** The key list shown on the title step and in the help line. */
export const KEY_HELP: Array<[keys: string, action: string]> = [
  ["→ ↓ PageDown N", "next step"],
  ["← ↑ PageUp P", "previous step"],
  ["Space K .", "play / pause"],
  ["] [", "next / previous marker"],
  ["S", "speaker notes"],
  ["O", "notes in a second window"],
  ["F", "full screen"],
  ["L", "run this step live (needs npm run demo:live)"],
  ["Esc", "cancel a live run"],
];
