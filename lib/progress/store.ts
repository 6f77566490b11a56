import { createStore, type StoreApi } from "zustand/vanilla";
import { persist, type PersistStorage, type StorageValue } from "zustand/middleware";
import { betterGrade, type Grade } from "@/lib/exercise/grade";
import { toDay } from "@/lib/practice/dates";
import { review, type CardSchedule } from "@/lib/practice/leitner";
import type { QuizKind } from "@/lib/quiz/types";
import { quizKey } from "@/lib/quiz/types";
import { loadStoredProgress } from "./migrate";
import { hasProgress, parseReplaced, serializeReplaced, type ReplaceResult, type ReplacedProgress } from "./replace";
import {
  BACKUP_KEY_PREFIX,
  PROGRESS_VERSION,
  REPLACED_KEY,
  STORAGE_KEY,
  emptyProgress,
  type ProgressData,
} from "./schema";

export interface ProgressActions {
  recordQuiz(input: { lesson: string; id: string; kind: QuizKind; answer: number[]; correct: boolean }): void;
  markRead(lesson: string): void;
  setCompleted(lesson: string, completed: boolean): void;
  reviewCard(key: string, score: number): CardSchedule;
  /** A static check of a Dockerfile exercise: one attempt, and its grade if it is the best so far. */
  recordExerciseCheck(input: { lesson: string; id: string; grade: Grade }): void;
  /** A graded build and run on the learner's engine: kept if it is the best so far (not an attempt). */
  recordExerciseRun(input: { lesson: string; id: string; grade: Grade }): void;
  /** Puts `data` in place of all progress (an import), keeping what it replaces (see ./replace.ts). */
  replaceWithBackup(data: ProgressData): ReplaceResult;
  /** Puts back what the last replacement replaced, keeping what is there now in its place. */
  restoreReplaced(backup: ReplacedProgress): ReplaceResult;
  /** Erases all progress, keeping a backup the progress page can restore (as an import does). */
  reset(): ReplaceResult;
}

export type ProgressState = ProgressData & ProgressActions;

/** What the last load from storage had to do, shown to the learner. Not persisted. */
export interface ProgressNotice {
  kind: "migrated" | "reset" | "unsaved";
  message: string;
  backupKey?: string;
}

export interface ProgressMeta {
  hydrated: boolean;
  notice: ProgressNotice | null;
  /** True when storage can't be written safely; the session still works in memory. */
  readOnly: boolean;
  /** What the last import or restore replaced, read from storage on every load. */
  replaced: ReplacedProgress | null;
}

export interface ProgressStores {
  progress: StoreApi<ProgressState> & {
    persist: { rehydrate: () => Promise<void> | void; hasHydrated: () => boolean };
  };
  meta: StoreApi<ProgressMeta>;
}

const pick = (state: ProgressData): ProgressData => ({
  quizzes: state.quizzes,
  lessons: state.lessons,
  practice: state.practice,
  practiceDays: state.practiceDays,
  exercises: state.exercises,
});

/**
 * The progress store: plain zustand with persist, created with `skipHydration` so the server
 * render and the first client render both see empty progress (no hydration mismatch); islands
 * call `rehydrate()` after mounting (see ./use-progress.ts). Storage goes through
 * `loadStoredProgress`, which migrates old data and backs up anything it cannot use.
 */
export function createProgressStores(
  getStorage: () => Storage | undefined,
  now: () => Date = () => new Date(),
): ProgressStores {
  const meta = createStore<ProgressMeta>(() => ({ hydrated: false, notice: null, readOnly: false, replaced: null }));

  const storage: PersistStorage<ProgressData> = {
    getItem(name): StorageValue<ProgressData> {
      const local = safeStorage(getStorage);
      const raw = readItem(local, name);
      const outcome = loadStoredProgress(raw);
      meta.setState({ replaced: parseReplaced(readItem(local, REPLACED_KEY)) });
      if ((outcome.status === "migrated" || outcome.status === "reset") && local && raw !== null) {
        const backupKey = `${BACKUP_KEY_PREFIX}${now().toISOString()}`;
        let backedUp = false;
        try {
          local.setItem(backupKey, raw);
          local.setItem(name, saved(outcome.data));
          backedUp = true;
        } catch {
          // Never overwrite what we could not back up: keep this visit in memory only.
          try {
            local.removeItem(backupKey);
          } catch {
            /* nothing else to do */
          }
        }
        meta.setState({
          readOnly: !backedUp,
          notice: backedUp
            ? outcome.status === "migrated"
              ? {
                  kind: "migrated",
                  message: `Your saved progress was ${outcome.reason}. A copy of the old data is kept in this browser under "${backupKey}".`,
                  backupKey,
                }
              : {
                  kind: "reset",
                  message: `Your saved progress could not be read (${outcome.reason}), so it was backed up under "${backupKey}" in this browser's storage and progress starts fresh.`,
                  backupKey,
                }
            : {
                kind: "unsaved",
                message: `Your saved progress could not be read (${outcome.reason}) and there was no room to back it up, so it was left untouched. Progress from this visit will not be saved.`,
              },
        });
      }
      return { state: outcome.data, version: PROGRESS_VERSION };
    },
    setItem(name, value) {
      if (meta.getState().readOnly) return;
      try {
        safeStorage(getStorage)?.setItem(name, saved(value.state));
      } catch {
        meta.setState({
          notice: {
            kind: "unsaved",
            message:
              "This browser refused to save your progress (storage full or blocked). Progress from this visit may not be kept.",
          },
        });
      }
    },
    removeItem(name) {
      try {
        safeStorage(getStorage)?.removeItem(name);
      } catch {
        /* ignore */
      }
    },
  };

  /**
   * Saves what is there now as the backup, then `data` in its place; succeeds only once both
   * are written, else nothing changes. With no progress yet there is nothing to back up and an
   * earlier backup stays, except that a restore has used the backup up.
   */
  function replace(data: ProgressData, restoring: boolean): ReplaceResult {
    const { hydrated, readOnly } = meta.getState();
    // Before loading, the store holds empty progress, not what is saved: there is nothing to back up yet.
    if (!hydrated) return { ok: false, error: "Your saved progress has not loaded yet; try again in a moment." };
    // Read-only means storage holds data that could not be read or backed up (see getItem).
    if (readOnly)
      return {
        ok: false,
        error: "This browser is not saving progress on this visit (see the notice at the top of the page).",
      };
    const local = safeStorage(getStorage);
    if (!local) return { ok: false, error: "This browser does not let this site save anything." };
    const current = pick(progress.getState());
    const backup = hasProgress(current) ? { replacedAt: now(), data: current } : null;
    let earlierBackup: string | null = null;
    if (backup) {
      try {
        earlierBackup = local.getItem(REPLACED_KEY);
        local.setItem(REPLACED_KEY, serializeReplaced(backup.data, backup.replacedAt));
      } catch {
        return {
          ok: false,
          error:
            "There is no room in this browser's storage for a backup of your current progress (or storage is blocked), and progress is never replaced without one.",
        };
      }
    }
    try {
      local.setItem(STORAGE_KEY, saved(data));
    } catch {
      if (backup) trySetItem(local, REPLACED_KEY, earlierBackup);
      return { ok: false, error: "This browser refused to save the new progress (storage full or blocked)." };
    }
    if (!backup && restoring) trySetItem(local, REPLACED_KEY, null);
    // Already saved above, so the persist middleware's own write of the same value cannot fail.
    progress.setState(pick(data));
    if (backup) meta.setState({ replaced: { replacedAt: backup.replacedAt.toISOString(), data: backup.data } });
    else if (restoring) meta.setState({ replaced: null });
    return { ok: true, backedUp: backup !== null };
  }

  const progress = createStore<ProgressState>()(
    persist<ProgressState, [], [], ProgressData>(
      (set, get) => ({
        ...emptyProgress(),
        recordQuiz({ lesson, id, kind, answer, correct }) {
          const key = quizKey(lesson, id);
          const previous = get().quizzes[key];
          set({
            quizzes: {
              ...get().quizzes,
              [key]: {
                lesson,
                id,
                kind,
                answer,
                correct,
                firstTryCorrect: previous ? previous.firstTryCorrect : correct,
                attempts: (previous?.attempts ?? 0) + 1,
                answeredAt: now().toISOString(),
              },
            },
          });
        },
        markRead(lesson) {
          const record = get().lessons[lesson];
          if (record?.readAt) return;
          set({ lessons: { ...get().lessons, [lesson]: { ...record, readAt: now().toISOString() } } });
        },
        setCompleted(lesson, completed) {
          const record = get().lessons[lesson] ?? {};
          const stamp = now().toISOString();
          const next = completed
            ? { readAt: record.readAt ?? stamp, completedAt: stamp }
            : { readAt: record.readAt ?? stamp };
          set({ lessons: { ...get().lessons, [lesson]: next } });
        },
        reviewCard(key, score) {
          const today = toDay(now());
          const schedule = review(get().practice[key], score, today);
          const days = get().practiceDays.includes(today) ? get().practiceDays : [...get().practiceDays, today].sort();
          set({ practice: { ...get().practice, [key]: schedule }, practiceDays: days });
          return schedule;
        },
        recordExerciseCheck({ lesson, id, grade }) {
          const key = quizKey(lesson, id);
          const previous = get().exercises[key];
          const record = {
            ...previous,
            lesson,
            id,
            attempts: (previous?.attempts ?? 0) + 1,
            bestCheck: betterGrade(previous?.bestCheck, grade),
            lastAttemptAt: now().toISOString(),
          };
          set({ exercises: { ...get().exercises, [key]: record } });
        },
        recordExerciseRun({ lesson, id, grade }) {
          const key = quizKey(lesson, id);
          const previous = get().exercises[key];
          const record = {
            ...previous,
            lesson,
            id,
            attempts: previous?.attempts ?? 0,
            bestRun: betterGrade(previous?.bestRun, grade),
            lastAttemptAt: now().toISOString(),
          };
          set({ exercises: { ...get().exercises, [key]: record } });
        },
        replaceWithBackup: (data) => replace(data, false),
        restoreReplaced: (backup) => replace(backup.data, true),
        reset: () => replace(emptyProgress(), false),
      }),
      {
        name: STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage,
        skipHydration: true,
        partialize: pick,
        merge: (persisted, current) => ({ ...current, ...pick(persisted as ProgressData) }),
        onRehydrateStorage: () => () => meta.setState({ hydrated: true }),
      },
    ),
  );

  return { progress, meta };
}

/** Saved progress as stored: the envelope zustand's persist middleware reads back. */
function saved(data: ProgressData): string {
  return JSON.stringify({ state: pick(data), version: PROGRESS_VERSION });
}

function readItem(local: Storage | undefined, key: string): string | null {
  try {
    return local?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Sets (or, for null, removes) a key when there is nothing to do if that fails too. */
function trySetItem(local: Storage, key: string, value: string | null): void {
  try {
    if (value === null) local.removeItem(key);
    else local.setItem(key, value);
  } catch {
    /* nothing else to do */
  }
}

function safeStorage(getStorage: () => Storage | undefined): Storage | undefined {
  try {
    return getStorage();
  } catch {
    return undefined; // e.g. storage disabled by the browser
  }
}
