"use client";

import { startTransition, useEffect, useState, useSyncExternalStore } from "react";
import { whenIdle } from "@/lib/site/idle";
import type { ProgressData } from "./schema";
import type { ProgressMeta, ProgressState, ProgressStores } from "./store";

/**
 * Saved progress reaches the page after it has painted and hydrated: the store, zod and the saved data's
 * validation and migrations are a separate chunk (./browser-stores.ts) that the first island to
 * use progress loads. Until then islands see what the server rendered, empty progress and
 * `hydrated: false` (so they wait, as they always waited for the saved data), and actions that
 * change progress are applied once it is in.
 */
let loaded: ProgressStores | undefined;
let loading: Promise<ProgressStores> | undefined;
/** The islands waiting for the store, each told once it is in. */
const waiting = new Set<(stores: ProgressStores) => void>();

/** Loads the store and the saved data once per tab; resolves with the store once the saved data is in it. */
export function loadProgressStores(): Promise<ProgressStores> {
  loading ??= import("./browser-stores").then(async ({ progressStores, startProgress }) => {
    // The saved data goes in once the page is idle, not as soon as the chunk is in: on a phone still hydrating the
    // lesson, reading it would hold up everything else. Idle also keeps evaluating the chunk and reading the data apart.
    await whenIdle(IDLE_TIMEOUT_MS);
    await startProgress();
    loaded = progressStores;
    // Every waiting island switches to the saved data in one transition, which React renders in slices that yield to
    // the browser (only the commit is one task). A store's change (useSyncExternalStore) would render every island
    // that reads progress in one task: on the presenter, many quizzes and the lesson's other islands.
    startTransition(() => {
      for (const arrive of waiting) arrive(progressStores);
    });
    return progressStores;
  });
  return loading;
}

/** How long saved progress may wait for an idle moment on a page that never goes idle. */
const IDLE_TIMEOUT_MS = 3000;

const NOT_LOADED = "Your saved progress has not loaded yet; try again in a moment.";
const NO_PROGRESS: ProgressData = { quizzes: {}, lessons: {}, practice: {}, practiceDays: [], exercises: {} };

/** What islands see before the store has loaded: no progress, and actions that wait for the store. */
export const progressBeforeLoad: ProgressState = {
  ...NO_PROGRESS,
  recordQuiz: (input) => void loadProgressStores().then((stores) => stores.progress.getState().recordQuiz(input)),
  markRead: (lesson) => void loadProgressStores().then((stores) => stores.progress.getState().markRead(lesson)),
  setCompleted: (lesson, completed) =>
    void loadProgressStores().then((stores) => stores.progress.getState().setCompleted(lesson, completed)),
  recordExerciseCheck: (input) =>
    void loadProgressStores().then((stores) => stores.progress.getState().recordExerciseCheck(input)),
  recordExerciseRun: (input) =>
    void loadProgressStores().then((stores) => stores.progress.getState().recordExerciseRun(input)),
  reviewCard: () => {
    // The practice page offers grading only once progress has loaded (`hydrated`), so this is a bug if it runs.
    throw new Error("A practice card was graded before saved progress loaded.");
  },
  replaceWithBackup: () => ({ ok: false, error: NOT_LOADED }),
  restoreReplaced: () => ({ ok: false, error: NOT_LOADED }),
  reset: () => ({ ok: false, error: NOT_LOADED }),
};
const PENDING_META: ProgressMeta = { hydrated: false, notice: null, readOnly: false, replaced: null };

/**
 * Tells `arrive` the store once the saved data is in it, in one transition with every other island waiting for it (or
 * never, once cancelled). Starts the load if nothing has.
 */
export function awaitProgressStores(arrive: (stores: ProgressStores) => void): () => void {
  waiting.add(arrive);
  void loadProgressStores();
  return () => void waiting.delete(arrive);
}

const subscribeToNothing = () => () => {};

/**
 * The store once it has loaded, for one island; undefined until then. The island waits for the load's transition;
 * reading through useSyncExternalStore makes a hydrating island start from the server's HTML (nothing loaded) and one
 * that mounts after the load, on a client navigation, start from the store.
 */
function useLoadedStores(): ProgressStores | undefined {
  const [arrived, setArrived] = useState<ProgressStores>();
  useEffect(() => awaitProgressStores(setArrived), []);
  return useSyncExternalStore(
    subscribeToNothing,
    () => arrived ?? loaded,
    () => undefined,
  );
}

export function useProgress<T>(selector: (state: ProgressState) => T): T {
  const stores = useLoadedStores();
  const read = () => selector(stores ? stores.progress.getState() : progressBeforeLoad);
  return useSyncExternalStore(stores?.progress.subscribe ?? subscribeToNothing, read, () =>
    selector(progressBeforeLoad),
  );
}

export function useProgressMeta<T>(selector: (meta: ProgressMeta) => T): T {
  const stores = useLoadedStores();
  const read = () => selector(stores ? stores.meta.getState() : PENDING_META);
  return useSyncExternalStore(stores?.meta.subscribe ?? subscribeToNothing, read, () => selector(PENDING_META));
}

/** The loaded store, for event handlers (which run after islands have loaded it); undefined before. */
export function loadedProgressStores(): ProgressStores | undefined {
  return loaded;
}
