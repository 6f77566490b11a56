import { migrateEnvelope } from "./migrate";
import { PROGRESS_VERSION, progressSchemas, type ProgressData } from "./schema";

/**
 * Replacing all progress at once (importing a file, or restoring what an import replaced): what
 * it would replace, and the backup of what it did replace. The backup has one slot, under
 * `REPLACED_KEY`: a replacement keeps exactly what it overwrote, so the learner can always undo
 * the last one, and a restore is itself undoable.
 */

/** `backedUp` is false when there was no progress to keep (nothing was replaced). */
export type ReplaceResult = { ok: true; backedUp: boolean } | { ok: false; error: string };

export interface ReplacementRow {
  label: string;
  now: number;
  after: number;
}

export interface ReplacementSummary {
  rows: ReplacementRow[];
  /** Everything goes and nothing comes in: the case that must not slip past the learner. */
  erasesEverything: boolean;
}

const COUNTS: [label: string, count: (data: ProgressData) => number][] = [
  ["Lessons opened", (data) => Object.keys(data.lessons).length],
  [
    "Lessons completed",
    (data) => Object.values(data.lessons).filter((lesson) => lesson.completedAt !== undefined).length,
  ],
  ["Quiz questions answered", (data) => Object.keys(data.quizzes).length],
  ["Practice cards scheduled", (data) => Object.keys(data.practice).length],
  ["Days with practice", (data) => data.practiceDays.length],
  ["Exercises attempted", (data) => Object.keys(data.exercises).length],
];

/** Without any, there is nothing to ask about or back up (say, a fresh browser). */
export function hasProgress(data: ProgressData): boolean {
  return COUNTS.some(([, count]) => count(data) > 0);
}

export function replacementSummary(current: ProgressData, incoming: ProgressData): ReplacementSummary {
  const rows = COUNTS.map(([label, count]) => ({ label, now: count(current), after: count(incoming) }));
  return { rows, erasesEverything: hasProgress(current) && !hasProgress(incoming) };
}

export interface ReplacedProgress {
  replacedAt: string;
  data: ProgressData;
}

/** The same `{ state, version }` envelope as saved progress, so an older backup upgrades like it. */
export function serializeReplaced(data: ProgressData, replacedAt: Date): string {
  return JSON.stringify({ state: data, version: PROGRESS_VERSION, replacedAt: replacedAt.toISOString() });
}

/** A backup this site cannot read is simply not offered (only this site writes the slot). */
export function parseReplaced(raw: string | null): ReplacedProgress | null {
  if (raw === null) return null;
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return null;
  }
  const stamp = progressSchemas().replacedStamp.safeParse(envelope);
  if (!stamp.success) return null;
  const outcome = migrateEnvelope(envelope);
  return outcome.status === "ok" || outcome.status === "migrated"
    ? { replacedAt: stamp.data.replacedAt, data: outcome.data }
    : null;
}
