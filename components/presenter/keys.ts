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
  | "cancel-live"
  | "show-keys";

/** One line of the key table: the keys of one action, or of a pair read "next / previous", and what they do. */
export interface KeyRow {
  /** Each action with its keys, as `KeyboardEvent.key` (letters in lower case), in the order the help lists them. */
  bindings: ReadonlyArray<readonly [PresenterAction, readonly string[]]>;
  does: string;
}

/**
 * The presenter's keys: the one table that decides what a key does, the key help on the stage
 * (the footer's Keys button, or ?), the title step's notes and the README's table (a unit test holds the README to it).
 * Clickers send PageDown/PageUp (some send arrows, "." or "b"); the player's own keys (space, k,
 * [ and ]) keep their meaning.
 */
export const KEY_TABLE: readonly KeyRow[] = [
  {
    bindings: [
      ["next-step", ["ArrowRight", "ArrowDown", "PageDown", "n"]],
      ["previous-step", ["ArrowLeft", "ArrowUp", "PageUp", "p"]],
    ],
    does: "next / previous step",
  },
  {
    bindings: [
      ["first-step", ["Home"]],
      ["last-step", ["End"]],
    ],
    does: "first / last step",
  },
  { bindings: [["toggle-play", [" ", "k", "."]]], does: "play / pause" },
  {
    bindings: [
      ["next-marker", ["]"]],
      ["previous-marker", ["["]],
    ],
    does: "next / previous marker",
  },
  { bindings: [["toggle-notes", ["s"]]], does: "speaker notes beside the stage" },
  { bindings: [["open-notes-window", ["o"]]], does: "speaker notes in a second window" },
  { bindings: [["toggle-fullscreen", ["f"]]], does: "full screen" },
  { bindings: [["run-live", ["l"]]], does: "run this step live (needs npm run demo:live)" },
  { bindings: [["cancel-live", ["Escape"]]], does: "cancel the live run" },
  { bindings: [["show-keys", ["?"]]], does: "this list of keys" },
];

const KEYS: ReadonlyMap<string, PresenterAction> = new Map(
  KEY_TABLE.flatMap((row) => row.bindings.flatMap(([action, keys]) => keys.map((key) => [key, action] as const))),
);

export function presenterAction(
  event: Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey">,
): PresenterAction | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  return KEYS.get(event.key.length === 1 ? event.key.toLowerCase() : event.key);
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowRight: "→",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowUp: "↑",
  " ": "Space",
  Escape: "Esc",
};

/** A row's keys as people read them (→, Space, N), one list per action. */
export function keyLabels(row: KeyRow): string[][] {
  return row.bindings.map(([, keys]) =>
    keys.map((key) => KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key)),
  );
}

/** The key table as the stage's key help and the title step's notes show it: "→ ↓ PageDown N / ← ↑ PageUp P", "next / previous step". */
export const KEY_HELP: Array<[keys: string, does: string]> = KEY_TABLE.map((row) => [
  keyLabels(row)
    .map((labels) => labels.join(" "))
    .join(" / "),
  row.does,
]);
