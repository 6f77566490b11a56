"use client";

import { useEffect } from "react";
import { useStore } from "zustand";
import { createProgressStores, type ProgressMeta, type ProgressState } from "./store";
import { REPLACED_KEY, STORAGE_KEY } from "./schema";

/**
 * One store per browser tab. On the server this module-level store is only ever read in its
 * initial, empty state (nothing calls an action during a render), so no learner's data can
 * leak between requests; the real data arrives after hydration.
 */
export const progressStores = createProgressStores(() =>
  typeof window === "undefined" ? undefined : window.localStorage,
);

let started = false;

/** Loads saved progress once per tab and keeps it in sync with other tabs. Safe to call from many islands. */
export function startProgress(): void {
  if (started || typeof window === "undefined") return;
  started = true;
  void progressStores.progress.persist.rehydrate();
  window.addEventListener("storage", (event) => {
    // A change made in another tab (or a reset there: key null means storage.clear()). Loading
    // also reads the backup of replaced progress, which an import or restore there may change last.
    if (
      event.storageArea === window.localStorage &&
      (event.key === STORAGE_KEY || event.key === REPLACED_KEY || event.key === null)
    ) {
      void progressStores.progress.persist.rehydrate();
    }
  });
}

export function useProgress<T>(selector: (state: ProgressState) => T): T {
  useEffect(startProgress, []);
  return useStore(progressStores.progress, selector);
}

export function useProgressMeta<T>(selector: (meta: ProgressMeta) => T): T {
  useEffect(startProgress, []);
  return useStore(progressStores.meta, selector);
}
