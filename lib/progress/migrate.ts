import { toDay } from "@/lib/practice/dates";
import { PROGRESS_VERSION, emptyProgress, progressSchemas, type ProgressData } from "./schema";

/**
 * Turning whatever is in storage into a valid current state, without ever throwing.
 *
 * Rules:
 * - nothing stored → empty progress, no notice;
 * - `{ state, version: PROGRESS_VERSION }` that passes the schema → used as is;
 * - an older version → run the migration steps in order; if the result passes the schema it is
 *   used and the learner is told it was upgraded (the original is backed up first);
 * - anything else (not JSON, not our envelope, a newer version, a step that fails, a state the
 *   schema rejects) → the raw value is backed up under another key and progress restarts empty,
 *   with a notice saying so and where the backup is.
 */

export type LoadOutcome =
  | { status: "empty"; data: ProgressData }
  | { status: "ok"; data: ProgressData }
  | { status: "migrated"; data: ProgressData; from: number; backup: true; reason: string }
  | { status: "reset"; data: ProgressData; backup: true; reason: string };

type Migration = (state: unknown) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Version 1 was the first draft of this store: quiz answers keyed `lesson#id` with only a
 * correct flag and an attempt count, completed lessons as a list, and practice boxes with
 * due dates as epoch milliseconds. Version 2 keeps the answer itself, read and completed
 * times per lesson, and due dates as calendar days.
 */
const v1ToV2: Migration = (state) => {
  if (!isRecord(state)) throw new Error("state is not an object");
  const answers = isRecord(state.answers) ? state.answers : {};
  const completed = Array.isArray(state.completedLessons) ? state.completedLessons : [];
  const cards = isRecord(state.cards) ? state.cards : {};
  const migratedAt = new Date().toISOString();
  const quizzes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (!isRecord(value)) throw new Error(`answer ${key} is not an object`);
    const hash = key.lastIndexOf("#");
    if (hash <= 0) throw new Error(`answer key ${key} has no lesson`);
    quizzes[key] = {
      lesson: key.slice(0, hash),
      id: key.slice(hash + 1),
      kind: value.kind,
      answer: [],
      correct: value.correct,
      firstTryCorrect: value.correct === true && value.attempts === 1,
      attempts: value.attempts,
      answeredAt: typeof value.at === "number" ? new Date(value.at).toISOString() : migratedAt,
    };
  }
  const lessons: Record<string, unknown> = {};
  for (const lesson of completed) {
    if (typeof lesson !== "string") throw new Error("completedLessons holds a non-string");
    lessons[lesson] = { readAt: migratedAt, completedAt: migratedAt };
  }
  const practice: Record<string, unknown> = {};
  const days = new Set<string>();
  for (const [key, value] of Object.entries(cards)) {
    if (!isRecord(value) || typeof value.due !== "number" || typeof value.reviewedAt !== "number")
      throw new Error(`card ${key} is malformed`);
    const lastReviewed = toDay(new Date(value.reviewedAt));
    days.add(lastReviewed);
    practice[key] = {
      box: value.box,
      due: toDay(new Date(value.due)),
      lastReviewed,
      reviews: 1,
      lapses: 0,
      lastScore: value.box === 1 ? 0 : 1,
    };
  }
  return { quizzes, lessons, practice, practiceDays: [...days].sort() };
};

/** Version 3 adds the Dockerfile exercises' attempts and best grades; a version 2 save has none yet. */
const v2ToV3: Migration = (state) => {
  if (!isRecord(state)) throw new Error("state is not an object");
  return { ...state, exercises: {} };
};

/** `MIGRATIONS[n]` turns a version-n state into a version-(n+1) state. */
export const MIGRATIONS: Record<number, Migration> = { 1: v1ToV2, 2: v2ToV3 };

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Validates and migrates a `{ state, version }` envelope that is already parsed. */
export function migrateEnvelope(envelope: unknown): LoadOutcome {
  if (
    !isRecord(envelope) ||
    !("state" in envelope) ||
    typeof envelope.version !== "number" ||
    !Number.isInteger(envelope.version)
  ) {
    return reset("the saved value is not this site's progress format");
  }
  const version = envelope.version;
  if (version > PROGRESS_VERSION)
    return reset(
      `it was saved by a newer version of the site (format ${version}, this site reads up to ${PROGRESS_VERSION})`,
    );
  if (version < 1) return reset(`format ${version} is unknown`);
  let state = envelope.state;
  try {
    for (let step = version; step < PROGRESS_VERSION; step++) {
      const migration = MIGRATIONS[step];
      if (!migration) return reset(`there is no upgrade from format ${step}`);
      state = migration(state);
    }
  } catch (error) {
    return reset(`upgrading it from format ${version} failed: ${describeError(error)}`);
  }
  const parsed = progressSchemas().progressData.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "(top level)";
    return reset(`it does not match the progress format (${where}: ${issue?.message ?? "invalid"})`);
  }
  if (version === PROGRESS_VERSION) return { status: "ok", data: parsed.data };
  return {
    status: "migrated",
    data: parsed.data,
    from: version,
    backup: true,
    reason: `upgraded from format ${version} to ${PROGRESS_VERSION}`,
  };
}

/** Reads the raw localStorage string. Never throws. */
export function loadStoredProgress(raw: string | null): LoadOutcome {
  if (raw === null || raw === "") return { status: "empty", data: emptyProgress() };
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return reset("the saved value is not valid JSON");
  }
  return migrateEnvelope(envelope);
}

function reset(reason: string): LoadOutcome {
  return { status: "reset", data: emptyProgress(), backup: true, reason };
}
