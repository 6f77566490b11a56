import { afterAll, describe, expect, it, vi } from "vitest";
import { PROGRESS_VERSION, STORAGE_KEY } from "./schema";

/** A browser's window, as much of it as loading progress touches. */
const storage = new Map<string, string>([
  [
    STORAGE_KEY,
    JSON.stringify({
      state: {
        quizzes: {},
        lessons: { "a/one": { readAt: "2026-11-01T10:00:00.000Z" } },
        practice: {},
        practiceDays: [],
        exercises: {},
      },
      version: PROGRESS_VERSION,
    }),
  ],
]);
const fakeWindow = {
  localStorage: {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  },
  addEventListener: () => {},
};
Object.assign(globalThis, { window: fakeWindow });
afterAll(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("loading saved progress after first paint", () => {
  it("loads nothing until asked, applies what islands did before it arrived, then serves the saved data", async () => {
    const { loadProgressStores, loadedProgressStores, progressBeforeLoad } = await import("./use-progress");
    expect(loadedProgressStores()).toBeUndefined();
    expect(progressBeforeLoad.lessons).toEqual({});
    expect(progressBeforeLoad.reset()).toEqual({
      ok: false,
      error: "Your saved progress has not loaded yet; try again in a moment.",
    });

    // An island records a lesson as read before the store has loaded: it is kept, next to the saved data.
    progressBeforeLoad.markRead("b/two");
    const stores = await loadProgressStores();
    expect(loadedProgressStores()).toBe(stores);
    expect(stores.meta.getState().hydrated).toBe(true);
    const lessons = stores.progress.getState().lessons;
    expect(lessons["a/one"]).toEqual({ readAt: "2026-11-01T10:00:00.000Z" });
    expect(lessons["b/two"]?.readAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.parse(storage.get(STORAGE_KEY)!).state.lessons["b/two"]).toBeDefined();
    expect(await loadProgressStores()).toBe(stores);
  });
});

describe("applying saved progress while the page still hydrates", () => {
  it("applies the saved data only once the browser's idle callback runs", async () => {
    vi.resetModules();
    const idleCallbacks: Array<() => void> = [];
    Object.assign(fakeWindow, { requestIdleCallback: (callback: () => void) => idleCallbacks.push(callback) });
    try {
      const { loadProgressStores, loadedProgressStores } = await import("./use-progress");
      let arrived = false;
      const loading = loadProgressStores().then(() => (arrived = true));
      // The chunk is in and evaluated (a few turns of the event loop), yet nothing is applied while the page is busy.
      for (let turn = 0; turn < 20 && idleCallbacks.length === 0; turn++)
        await new Promise((resolve) => setTimeout(resolve, 5));
      expect(idleCallbacks).toHaveLength(1);
      expect(arrived).toBe(false);
      expect(loadedProgressStores()).toBeUndefined();

      idleCallbacks[0]!();
      await loading;
      expect(loadedProgressStores()?.progress.getState().lessons["a/one"]).toEqual({
        readAt: "2026-11-01T10:00:00.000Z",
      });
    } finally {
      delete (fakeWindow as { requestIdleCallback?: unknown }).requestIdleCallback;
    }
  });
});

describe("telling the islands that saved progress is in", () => {
  it("tells every waiting island in one React transition, and not an island that stopped waiting", async () => {
    vi.resetModules();
    // React renders a transition in slices that yield to the browser; a store's change would be one blocking task.
    const transitions = { started: 0, running: false };
    vi.doMock("react", async (importOriginal) => {
      const react = await importOriginal<typeof import("react")>();
      return {
        ...react,
        startTransition: (scope: () => void) => {
          transitions.started++;
          transitions.running = true;
          try {
            scope();
          } finally {
            transitions.running = false;
          }
        },
      };
    });
    try {
      const { awaitProgressStores, loadProgressStores } = await import("./use-progress");
      const told: Array<{ island: string; inTransition: boolean; lessons: object }> = [];
      const islandTold = (island: string) => (stores: import("./store").ProgressStores) =>
        told.push({ island, inTransition: transitions.running, lessons: stores.progress.getState().lessons });
      awaitProgressStores(islandTold("header"));
      const stopWaiting = awaitProgressStores(islandTold("unmounted"));
      awaitProgressStores(islandTold("practice"));
      stopWaiting();
      await loadProgressStores();

      expect(told.map(({ island }) => island)).toEqual(["header", "practice"]);
      expect(told.every(({ inTransition }) => inTransition)).toBe(true);
      expect(transitions.started).toBe(1);
      expect(told[0]!.lessons).toHaveProperty("a/one");
    } finally {
      vi.doUnmock("react");
    }
  });
});
