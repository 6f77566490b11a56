import { describe, expect, it, vi } from "vitest";

/** Counts the schemas zod builds, from before any progress module is imported. */
const built = vi.hoisted(() => ({ objects: 0 }));
vi.mock("@/lib/site/zod", async (importOriginal) => {
  const zod = await importOriginal<typeof import("@/lib/site/zod")>();
  return {
    ...zod,
    object: (...args: Parameters<typeof zod.object>) => {
      built.objects++;
      return zod.object(...args);
    },
  };
});

const { createProgressStores } = await import("./store");
const { PROGRESS_VERSION, STORAGE_KEY } = await import("./schema");

function storageWith(items: Record<string, string>): Storage {
  const map = new Map(Object.entries(items));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe("the saved-data schemas are built on first use", () => {
  it("a first visit with nothing saved loads, saves and never builds them", async () => {
    const storage = storageWith({});
    const stores = createProgressStores(() => storage);
    await stores.progress.persist.rehydrate();
    stores.progress.getState().markRead("chapter/lesson");
    expect(storage.getItem(STORAGE_KEY)).toContain("chapter/lesson");
    expect(built.objects).toBe(0);
  });

  it("saved progress is still validated when it is read back: a bad record is not taken in", async () => {
    const bad = {
      quizzes: {},
      lessons: { "chapter/lesson": { readAt: "yesterday" } },
      practice: {},
      practiceDays: [],
      exercises: {},
    };
    const storage = storageWith({ [STORAGE_KEY]: JSON.stringify({ state: bad, version: PROGRESS_VERSION }) });
    const stores = createProgressStores(() => storage);
    await stores.progress.persist.rehydrate();
    expect(built.objects).toBeGreaterThan(0);
    expect(stores.progress.getState().lessons).toEqual({});
    expect(stores.meta.getState().notice?.kind).toBe("reset");
  });
});
