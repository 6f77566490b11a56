import { createProgressStores, type ProgressStores } from "./store";
import { REPLACED_KEY, STORAGE_KEY } from "./schema";

/**
 * The tab's progress store, loaded on demand by ./use-progress.ts (this module brings zod, the
 * saved data's validation and its migrations, none of which a page needs to paint). On the server
 * nothing imports it: islands render empty progress there, as before hydration.
 */
export const progressStores: ProgressStores = createProgressStores(() => window.localStorage);

/** Reads saved progress, then keeps it in sync with other tabs. Resolves once the saved data is in the store. */
export async function startProgress(): Promise<void> {
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
  await progressStores.progress.persist.rehydrate();
}
