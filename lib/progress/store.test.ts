import { describe, expect, it } from "vitest";
import { parseReplaced, serializeReplaced } from "./replace";
import {
  BACKUP_KEY_PREFIX,
  PROGRESS_VERSION,
  REPLACED_KEY,
  STORAGE_KEY,
  emptyProgress,
  type ProgressData,
} from "./schema";
import { createProgressStores, type ProgressStores } from "./store";

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    const used = [...this.items.entries()].reduce((sum, [k, v]) => sum + (k === key ? 0 : v.length), 0);
    if (used + value.length > this.quota) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
  keys() {
    return [...this.items.keys()];
  }
}

const NOW = new Date("2026-03-10T12:00:00Z");

async function load(storage: MemoryStorage) {
  const stores = createProgressStores(
    () => storage,
    () => NOW,
  );
  await stores.progress.persist.rehydrate();
  return stores;
}

describe("progress store", () => {
  it("does not touch storage until rehydrated, then loads and saves", async () => {
    const storage = new MemoryStorage();
    const stores = createProgressStores(
      () => storage,
      () => NOW,
    );
    expect(stores.meta.getState().hydrated).toBe(false);
    await stores.progress.persist.rehydrate();
    expect(stores.meta.getState()).toMatchObject({ hydrated: true, notice: null });
    stores.progress
      .getState()
      .recordQuiz({ lesson: "ch/l", id: "q1", kind: "SingleChoice", answer: [0], correct: false });
    stores.progress
      .getState()
      .recordQuiz({ lesson: "ch/l", id: "q1", kind: "SingleChoice", answer: [2], correct: true });
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? "null");
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(saved.state.quizzes["ch/l#q1"]).toMatchObject({
      answer: [2],
      correct: true,
      firstTryCorrect: false,
      attempts: 2,
    });
    expect(Object.keys(saved.state)).toEqual(["quizzes", "lessons", "practice", "practiceDays", "exercises"]);

    const again = await load(storage);
    expect(again.progress.getState().quizzes["ch/l#q1"]?.attempts).toBe(2);
  });

  it("backs up corrupt data, resets and shows a notice naming the backup", async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, "{corrupt");
    const stores = await load(storage);
    const notice = stores.meta.getState().notice;
    expect(notice?.kind).toBe("reset");
    expect(notice?.backupKey).toBe(`${BACKUP_KEY_PREFIX}2026-03-10T12:00:00.000Z`);
    expect(notice?.message).toMatch(/not valid JSON/);
    expect(storage.getItem(notice!.backupKey!)).toBe("{corrupt");
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toEqual({
      state: { quizzes: {}, lessons: {}, practice: {}, practiceDays: [], exercises: {} },
      version: PROGRESS_VERSION,
    });
    // The next visit loads the fresh value without another notice or backup.
    const next = await load(storage);
    expect(next.meta.getState().notice).toBeNull();
    expect(storage.keys().filter((key) => key.startsWith(BACKUP_KEY_PREFIX))).toHaveLength(1);
  });

  it("leaves unreadable data in place when there is no room for a backup, and stops saving", async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, "x".repeat(50));
    storage.quota = 60;
    const stores = await load(storage);
    expect(stores.meta.getState()).toMatchObject({ readOnly: true, notice: { kind: "unsaved" } });
    stores.progress.getState().markRead("ch/l");
    expect(stores.progress.getState().lessons["ch/l"]?.readAt).toBe(NOW.toISOString());
    expect(storage.getItem(STORAGE_KEY)).toBe("x".repeat(50));
  });

  it("counts exercise checks as attempts and keeps the best static and the best run grade", async () => {
    const storage = new MemoryStorage();
    const stores = await load(storage);
    const actions = stores.progress.getState();
    actions.recordExerciseCheck({ lesson: "ch/l", id: "fix-naive", grade: { passed: 8, total: 12 } });
    actions.recordExerciseCheck({ lesson: "ch/l", id: "fix-naive", grade: { passed: 5, total: 12 } });
    actions.recordExerciseRun({ lesson: "ch/l", id: "fix-naive", grade: { passed: 3, total: 5 } });
    actions.recordExerciseRun({ lesson: "ch/l", id: "fix-naive", grade: { passed: 2, total: 5 } });
    const expected = {
      lesson: "ch/l",
      id: "fix-naive",
      attempts: 2,
      bestCheck: { passed: 8, total: 12 },
      bestRun: { passed: 3, total: 5 },
      lastAttemptAt: NOW.toISOString(),
    };
    expect(stores.progress.getState().exercises).toEqual({ "ch/l#fix-naive": expected });
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).state.exercises).toEqual({ "ch/l#fix-naive": expected });
    // A run before any check is kept without counting as an attempt.
    actions.recordExerciseRun({ lesson: "ch/l", id: "other", grade: { passed: 5, total: 5 } });
    expect(stores.progress.getState().exercises["ch/l#other"]).toMatchObject({ attempts: 0, bestRun: { passed: 5 } });
    expect(stores.progress.getState().exercises["ch/l#other"]?.bestCheck).toBeUndefined();
  });

  it("tracks lessons, practice reviews and the practice days, and resets", async () => {
    const storage = new MemoryStorage();
    const stores = await load(storage);
    const actions = stores.progress.getState();
    actions.markRead("ch/l");
    actions.setCompleted("ch/l", true);
    expect(stores.progress.getState().lessons["ch/l"]).toEqual({
      readAt: NOW.toISOString(),
      completedAt: NOW.toISOString(),
    });
    actions.setCompleted("ch/l", false);
    expect(stores.progress.getState().lessons["ch/l"]).toEqual({ readAt: NOW.toISOString() });
    const schedule = actions.reviewCard("ch/l#card", 0.2);
    expect(schedule).toMatchObject({ box: 1, due: "2026-03-11" });
    actions.reviewCard("ch/l#other", 1);
    expect(stores.progress.getState().practiceDays).toEqual(["2026-03-10"]);
    const before = stores.progress.getState();
    expect(actions.reset()).toEqual({ ok: true, backedUp: true });
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).state).toEqual({
      quizzes: {},
      lessons: {},
      practice: {},
      practiceDays: [],
      exercises: {},
    });
    // Saved progress is never replaced without a backup, a reset included.
    expect(parseReplaced(storage.getItem(REPLACED_KEY))?.data).toEqual({
      quizzes: before.quizzes,
      lessons: before.lessons,
      practice: before.practice,
      practiceDays: before.practiceDays,
      exercises: before.exercises,
    });
  });

  describe("replacing progress (an import or a restore)", () => {
    const data = (stores: ProgressStores): ProgressData => {
      const { quizzes, lessons, practice, practiceDays, exercises } = stores.progress.getState();
      return { quizzes, lessons, practice, practiceDays, exercises };
    };
    const withProgress = async (storage: MemoryStorage) => {
      const stores = await load(storage);
      stores.progress.getState().setCompleted("ch/l", true);
      stores.progress
        .getState()
        .recordQuiz({ lesson: "ch/l", id: "q1", kind: "SingleChoice", answer: [0], correct: true });
      return stores;
    };
    /** Enough answers to make a value far bigger than the progress above. */
    const bigProgress = (): ProgressData => {
      const quizzes: ProgressData["quizzes"] = {};
      for (let i = 0; i < 50; i++) {
        quizzes[`ch/l#q${i}`] = {
          lesson: "ch/l",
          id: `q${i}`,
          kind: "SingleChoice",
          answer: [0],
          correct: true,
          firstTryCorrect: true,
          attempts: 1,
          answeredAt: NOW.toISOString(),
        };
      }
      return { ...emptyProgress(), quizzes };
    };

    it("backs up the current progress before replacing it, and the backup brings it back", async () => {
      const storage = new MemoryStorage();
      const stores = await withProgress(storage);
      const before = data(stores);
      expect(stores.meta.getState().replaced).toBeNull();

      expect(stores.progress.getState().replaceWithBackup(emptyProgress())).toEqual({ ok: true, backedUp: true });
      expect(data(stores)).toEqual(emptyProgress());
      expect(JSON.parse(storage.getItem(STORAGE_KEY)!).state).toEqual(emptyProgress());
      expect(parseReplaced(storage.getItem(REPLACED_KEY))).toEqual({ replacedAt: NOW.toISOString(), data: before });
      expect(stores.meta.getState().replaced).toEqual({ replacedAt: NOW.toISOString(), data: before });
      expect(stores.meta.getState().notice).toBeNull();

      // The next visit still offers the backup, and restoring it keeps what it replaces in turn.
      const next = await load(storage);
      const backup = next.meta.getState().replaced!;
      expect(backup.data).toEqual(before);
      next.progress.getState().markRead("ch/other");
      const since = data(next);
      expect(next.progress.getState().restoreReplaced(backup)).toEqual({ ok: true, backedUp: true });
      expect(data(next)).toEqual(before);
      expect(JSON.parse(storage.getItem(STORAGE_KEY)!).state).toEqual(before);
      expect(next.meta.getState().replaced?.data).toEqual(since);
      expect(parseReplaced(storage.getItem(REPLACED_KEY))?.data).toEqual(since);
    });

    it("uses the backup up when a restore replaces no progress", async () => {
      const storage = new MemoryStorage();
      const stores = await withProgress(storage);
      const before = data(stores);
      stores.progress.getState().replaceWithBackup(emptyProgress());
      expect(stores.progress.getState().restoreReplaced(stores.meta.getState().replaced!)).toEqual({
        ok: true,
        backedUp: false,
      });
      expect(data(stores)).toEqual(before);
      expect(stores.meta.getState().replaced).toBeNull();
      expect(storage.getItem(REPLACED_KEY)).toBeNull();
    });

    it("keeps an earlier backup when there is no progress to replace", async () => {
      const storage = new MemoryStorage();
      storage.setItem(REPLACED_KEY, serializeReplaced(bigProgress(), new Date("2026-03-01T00:00:00Z")));
      const stores = await load(storage);
      expect(stores.progress.getState().replaceWithBackup(bigProgress())).toEqual({ ok: true, backedUp: false });
      expect(parseReplaced(storage.getItem(REPLACED_KEY))?.replacedAt).toBe("2026-03-01T00:00:00.000Z");
      expect(stores.meta.getState().replaced?.replacedAt).toBe("2026-03-01T00:00:00.000Z");
    });

    it("replaces nothing when the backup cannot be written, and says why", async () => {
      const storage = new MemoryStorage();
      const stores = await withProgress(storage);
      const before = data(stores);
      const saved = storage.getItem(STORAGE_KEY);
      storage.quota = saved!.length + 10;
      const result = stores.progress.getState().replaceWithBackup(emptyProgress());
      expect(result).toEqual({
        ok: false,
        error: expect.stringMatching(/no room in this browser's storage for a backup of your current progress/),
      });
      expect(data(stores)).toEqual(before);
      expect(storage.getItem(STORAGE_KEY)).toBe(saved);
      expect(storage.getItem(REPLACED_KEY)).toBeNull();
      expect(stores.meta.getState()).toMatchObject({ replaced: null, notice: null });
    });

    it("keeps the old progress and the earlier backup when the new progress cannot be saved", async () => {
      const storage = new MemoryStorage();
      const stores = await withProgress(storage);
      expect(
        stores.progress.getState().replaceWithBackup({ ...emptyProgress(), practiceDays: ["2026-03-09"] }),
      ).toMatchObject({ ok: true });
      const before = data(stores);
      const saved = storage.getItem(STORAGE_KEY)!;
      const earlierBackup = storage.getItem(REPLACED_KEY);
      const replacedBefore = stores.meta.getState().replaced;
      // Room for what is stored now and for the new backup, but not for the new progress next to it.
      storage.quota = saved.length + Math.max(earlierBackup!.length, serializeReplaced(before, NOW).length) + 10;
      const result = stores.progress.getState().replaceWithBackup(bigProgress());
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/refused to save the new progress/) });
      expect(data(stores)).toEqual(before);
      expect(storage.getItem(STORAGE_KEY)).toBe(saved);
      expect(storage.getItem(REPLACED_KEY)).toBe(earlierBackup);
      expect(stores.meta.getState()).toMatchObject({ replaced: replacedBefore, notice: null });
    });

    it("replaces nothing while storage is read-only", async () => {
      const storage = new MemoryStorage();
      storage.setItem(STORAGE_KEY, "x".repeat(50));
      storage.quota = 60;
      const stores = await load(storage);
      const result = stores.progress.getState().replaceWithBackup(bigProgress());
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/not saving progress on this visit/) });
      expect(data(stores)).toEqual(emptyProgress());
      expect(storage.getItem(STORAGE_KEY)).toBe("x".repeat(50));
    });

    it("replaces nothing before the saved progress has loaded", () => {
      const storage = new MemoryStorage();
      storage.setItem(STORAGE_KEY, JSON.stringify({ state: bigProgress(), version: PROGRESS_VERSION }));
      const stores = createProgressStores(
        () => storage,
        () => NOW,
      );
      expect(stores.progress.getState().replaceWithBackup(emptyProgress())).toEqual({
        ok: false,
        error: expect.stringMatching(/not loaded yet/),
      });
      expect(JSON.parse(storage.getItem(STORAGE_KEY)!).state).toEqual(bigProgress());
    });
  });

  it("picks up a change another tab wrote when rehydrated again", async () => {
    const storage = new MemoryStorage();
    const tabA = await load(storage);
    const tabB = await load(storage);
    tabA.progress.getState().setCompleted("ch/l", true);
    expect(tabB.progress.getState().lessons["ch/l"]).toBeUndefined();
    await tabB.progress.persist.rehydrate();
    expect(tabB.progress.getState().lessons["ch/l"]?.completedAt).toBeDefined();
  });
});
