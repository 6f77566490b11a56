"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { StoreApi } from "zustand";
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
const onLoaded = new Set<() => void>();

/** Loads the store and the saved data once per tab; resolves with the store once the saved data is in it. */
export function loadProgressStores(): Promise<ProgressStores> {
  loading ??= import("./browser-stores").then(async ({ progressStores, startProgress }) => {
    // The saved data goes in once the page is idle, not as soon as the chunk is in. React renders a store's change at
    // once, in one task (useSyncExternalStore cannot wait for a transition): on a phone still hydrating the lesson,
    // that task would hold up everything else. Idle also keeps evaluating the chunk and reading the data apart.
    await whenIdle(IDLE_TIMEOUT_MS);
    await startProgress();
    loaded = progressStores;
    for (const notify of onLoaded) notify();
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

/** Subscribes to one of the stores, through the load: a subscriber before it is told when it arrives. */
function subscriber<T>(pick: (stores: ProgressStores) => StoreApi<T>) {
  return (onChange: () => void) => {
    let unsubscribe = loaded ? pick(loaded).subscribe(onChange) : undefined;
    const arrived = () => {
      unsubscribe ??= pick(loaded!).subscribe(onChange);
      onChange();
    };
    onLoaded.add(arrived);
    return () => {
      onLoaded.delete(arrived);
      unsubscribe?.();
    };
  };
}

const subscribeProgress = subscriber((stores) => stores.progress);
const subscribeMeta = subscriber((stores) => stores.meta);

export function useProgress<T>(selector: (state: ProgressState) => T): T {
  useEffect(() => void loadProgressStores(), []);
  const read = () => selector(loaded ? loaded.progress.getState() : progressBeforeLoad);
  return useSyncExternalStore(subscribeProgress, read, () => selector(progressBeforeLoad));
}

export function useProgressMeta<T>(selector: (meta: ProgressMeta) => T): T {
  useEffect(() => void loadProgressStores(), []);
  const read = () => selector(loaded ? loaded.meta.getState() : PENDING_META);
  return useSyncExternalStore(subscribeMeta, read, () => selector(PENDING_META));
}

/** The loaded store, for event handlers (which run after islands have loaded it); undefined before. */
export function loadedProgressStores(): ProgressStores | undefined {
  return loaded;
}
