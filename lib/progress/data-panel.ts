import type { ReplaceResult } from "./replace";
import type { ProgressData } from "./schema";

/**
 * The "Your data" panel of the progress page (components/progress/progress-dashboard.tsx):
 * export, import, restore and reset, with one question open at a time. Nothing here touches
 * storage: the island asks the store and reports the result as an event.
 */

/** Progress waiting for the learner's yes or no before it replaces theirs. */
export type PendingReplacement =
  | { source: "file"; fileName: string; migratedFrom?: number; data: ProgressData }
  | { source: "backup"; replacedAt: string; data: ProgressData };

export interface DataPanelState {
  asking: { kind: "replace"; pending: PendingReplacement } | { kind: "reset" } | null;
  /** Announced politely (role="status"). */
  message: string | null;
  /** Announced at once (role="alert"). */
  error: string | null;
}

export type DataPanelEvent =
  | { type: "exported" }
  | { type: "importRejected"; error: string }
  | { type: "replaceAsked"; pending: PendingReplacement }
  | { type: "replaceDone"; pending: PendingReplacement; result: ReplaceResult }
  | { type: "resetAsked" }
  | { type: "resetDone"; result: ReplaceResult }
  | { type: "cancelled" };

export const initialDataPanel: DataPanelState = { asking: null, message: null, error: null };

const UNCHANGED = "Your current progress was not changed.";

export function dataPanelReducer(state: DataPanelState, event: DataPanelEvent): DataPanelState {
  switch (event.type) {
    case "exported":
      return { ...state, message: "Progress exported to a JSON file.", error: null };
    case "importRejected":
      return { asking: null, message: null, error: `${event.error} ${UNCHANGED}` };
    case "replaceAsked":
      return { asking: { kind: "replace", pending: event.pending }, message: null, error: null };
    case "replaceDone":
      if (!event.result.ok) return { asking: null, message: null, error: `${event.result.error} ${UNCHANGED}` };
      return { asking: null, message: replacedMessage(event.pending, event.result.backedUp), error: null };
    case "resetAsked":
      return { asking: { kind: "reset" }, message: null, error: null };
    case "resetDone":
      if (!event.result.ok) return { asking: null, message: null, error: `${event.result.error} ${UNCHANGED}` };
      return {
        asking: null,
        message: `All progress in this browser was erased.${event.result.backedUp ? " A copy is kept, and this page offers to bring it back." : ""}`,
        error: null,
      };
    case "cancelled":
      return { asking: null, message: "Cancelled: your progress was not changed.", error: null };
  }
}

function replacedMessage(pending: PendingReplacement, backedUp: boolean): string {
  const done =
    pending.source === "backup"
      ? "Restored the earlier progress."
      : `Imported progress from ${pending.fileName}${pending.migratedFrom ? ` (upgraded from format ${pending.migratedFrom})` : ""}.`;
  return backedUp ? `${done} The progress it replaced is kept, and this page offers to bring it back.` : done;
}
