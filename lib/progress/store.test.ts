import { describe, expect, it } from "vitest";
import { BACKUP_KEY_PREFIX, PROGRESS_VERSION, STORAGE_KEY } from "./schema";
import { createProgressStores } from "./store";

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
  const stores = createProgressStores(() => storage, () => NOW);
  await stores.progress.persist.rehydrate();
  return stores;
}

describe("progress store", () => {
  it("does not touch storage until rehydrated, then loads and saves", async () => {
    const storage = new MemoryStorage();
    const stores = createProgressStores(() => storage, () => NOW);
    expect(stores.meta.getState().hydrated).toBe(false);
    await stores.progress.persist.rehydrate();
    expect(stores.meta.getState()).toMatchObject({ hydrated: true, notice: null });
    stores.progress.getState().recordQuiz({ lesson: "ch/l", id: "q1", kind: "SingleChoice", answer: [0], correct: false });
    stores.progress.getState().recordQuiz({ lesson: "ch/l", id: "q1", kind: "SingleChoice", answer: [2], correct: true });
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? "null");
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(saved.state.quizzes["ch/l#q1"]).toMatchObject({ answer: [2], correct: true, firstTryCorrect: false, attempts: 2 });
    expect(Object.keys(saved.state)).toEqual(["quizzes", "lessons", "practice", "practiceDays"]);

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
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toEqual({ state: { quizzes: {}, lessons: {}, practice: {}, practiceDays: [] }, version: PROGRESS_VERSION });
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

  it("tracks lessons, practice reviews and the practice days, and resets", async () => {
    const storage = new MemoryStorage();
    const stores = await load(storage);
    const actions = stores.progress.getState();
    actions.markRead("ch/l");
    actions.setCompleted("ch/l", true);
    expect(stores.progress.getState().lessons["ch/l"]).toEqual({ readAt: NOW.toISOString(), completedAt: NOW.toISOString() });
    actions.setCompleted("ch/l", false);
    expect(stores.progress.getState().lessons["ch/l"]).toEqual({ readAt: NOW.toISOString() });
    const schedule = actions.reviewCard("ch/l#card", 0.2);
    expect(schedule).toMatchObject({ box: 1, due: "2026-03-11" });
    actions.reviewCard("ch/l#other", 1);
    expect(stores.progress.getState().practiceDays).toEqual(["2026-03-10"]);
    actions.reset();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).state).toEqual({ quizzes: {}, lessons: {}, practice: {}, practiceDays: [] });
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
