import { createStore, type StoreApi } from "zustand/vanilla";
import { persist, type PersistStorage, type StorageValue } from "zustand/middleware";
import { toDay } from "@/lib/practice/dates";
import { review, type CardSchedule } from "@/lib/practice/leitner";
import type { QuizKind } from "@/lib/quiz/types";
import { quizKey } from "@/lib/quiz/types";
import { loadStoredProgress } from "./migrate";
import { BACKUP_KEY_PREFIX, PROGRESS_VERSION, STORAGE_KEY, emptyProgress, type ProgressData } from "./schema";

export interface ProgressActions {
  recordQuiz(input: { lesson: string; id: string; kind: QuizKind; answer: number[]; correct: boolean }): void;
  markRead(lesson: string): void;
  setCompleted(lesson: string, completed: boolean): void;
  reviewCard(key: string, score: number): CardSchedule;
  replaceAll(data: ProgressData): void;
  reset(): void;
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
}

export interface ProgressStores {
  progress: StoreApi<ProgressState> & { persist: { rehydrate: () => Promise<void> | void; hasHydrated: () => boolean } };
  meta: StoreApi<ProgressMeta>;
}

const pick = (state: ProgressData): ProgressData => ({
  quizzes: state.quizzes,
  lessons: state.lessons,
  practice: state.practice,
  practiceDays: state.practiceDays,
});

/**
 * The progress store: plain zustand with persist, created with `skipHydration` so the server
 * render and the first client render both see empty progress (no hydration mismatch); islands
 * call `rehydrate()` after mounting (see ./use-progress.ts). Storage goes through
 * `loadStoredProgress`, which migrates old data and backs up anything it cannot use.
 */
export function createProgressStores(getStorage: () => Storage | undefined, now: () => Date = () => new Date()): ProgressStores {
  const meta = createStore<ProgressMeta>(() => ({ hydrated: false, notice: null, readOnly: false }));

  const storage: PersistStorage<ProgressData> = {
    getItem(name): StorageValue<ProgressData> {
      const local = safeStorage(getStorage);
      let raw: string | null = null;
      try {
        raw = local?.getItem(name) ?? null;
      } catch {
        raw = null;
      }
      const outcome = loadStoredProgress(raw);
      if ((outcome.status === "migrated" || outcome.status === "reset") && local && raw !== null) {
        const backupKey = `${BACKUP_KEY_PREFIX}${now().toISOString()}`;
        let backedUp = false;
        try {
          local.setItem(backupKey, raw);
          local.setItem(name, JSON.stringify({ state: outcome.data, version: PROGRESS_VERSION }));
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
              ? { kind: "migrated", message: `Your saved progress was ${outcome.reason}. A copy of the old data is kept in this browser under "${backupKey}".`, backupKey }
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
        safeStorage(getStorage)?.setItem(name, JSON.stringify({ state: pick(value.state), version: PROGRESS_VERSION }));
      } catch {
        meta.setState({ notice: { kind: "unsaved", message: "This browser refused to save your progress (storage full or blocked). Progress from this visit may not be kept." } });
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
          const next = completed ? { readAt: record.readAt ?? stamp, completedAt: stamp } : { readAt: record.readAt ?? stamp };
          set({ lessons: { ...get().lessons, [lesson]: next } });
        },
        reviewCard(key, score) {
          const today = toDay(now());
          const schedule = review(get().practice[key], score, today);
          const days = get().practiceDays.includes(today) ? get().practiceDays : [...get().practiceDays, today].sort();
          set({ practice: { ...get().practice, [key]: schedule }, practiceDays: days });
          return schedule;
        },
        replaceAll(data) {
          set(pick(data));
        },
        reset() {
          set(emptyProgress());
        },
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

function safeStorage(getStorage: () => Storage | undefined): Storage | undefined {
  try {
    return getStorage();
  } catch {
    return undefined; // e.g. storage disabled by the browser
  }
}
