import { describe, expect, it } from "vitest";
import { dataPanelReducer, initialDataPanel, type DataPanelState, type PendingReplacement } from "./data-panel";
import { emptyProgress } from "./schema";

const fromFile: PendingReplacement = { source: "file", fileName: "export.json", data: emptyProgress() };
const fromBackup: PendingReplacement = {
  source: "backup",
  replacedAt: "2026-03-10T12:00:00.000Z",
  data: emptyProgress(),
};
const asking = (pending: PendingReplacement): DataPanelState =>
  dataPanelReducer(initialDataPanel, { type: "replaceAsked", pending });

describe("the 'Your data' panel", () => {
  it("asks before replacing, and cancelling changes nothing", () => {
    const state = asking(fromFile);
    expect(state).toEqual({ asking: { kind: "replace", pending: fromFile }, message: null, error: null });
    expect(dataPanelReducer(state, { type: "cancelled" })).toEqual({
      asking: null,
      message: "Cancelled: your progress was not changed.",
      error: null,
    });
  });

  it("says 'Imported' only once the replacement was saved, and points at the backup", () => {
    const done = dataPanelReducer(asking(fromFile), {
      type: "replaceDone",
      pending: fromFile,
      result: { ok: true, backedUp: true },
    });
    expect(done).toEqual({
      asking: null,
      message:
        "Imported progress from export.json. The progress it replaced is kept, and this page offers to bring it back.",
      error: null,
    });
    // Into a browser with no progress yet: nothing was replaced, so no backup to point at.
    const fresh = dataPanelReducer(initialDataPanel, {
      type: "replaceDone",
      pending: { ...fromFile, migratedFrom: 1 },
      result: { ok: true, backedUp: false },
    });
    expect(fresh.message).toBe("Imported progress from export.json (upgraded from format 1).");
  });

  it("reports a replacement that could not be saved as an error, never as imported", () => {
    const failed = dataPanelReducer(asking(fromFile), {
      type: "replaceDone",
      pending: fromFile,
      result: { ok: false, error: "This browser refused to save the new progress." },
    });
    expect(failed).toEqual({
      asking: null,
      message: null,
      error: "This browser refused to save the new progress. Your current progress was not changed.",
    });
  });

  it("confirms a restore in its own words", () => {
    const restored = dataPanelReducer(asking(fromBackup), {
      type: "replaceDone",
      pending: fromBackup,
      result: { ok: true, backedUp: true },
    });
    expect(restored.message).toBe(
      "Restored the earlier progress. The progress it replaced is kept, and this page offers to bring it back.",
    );
  });

  it("refuses a file with a reason and drops any question still open", () => {
    const state = dataPanelReducer(asking(fromFile), { type: "importRejected", error: "This file is not valid JSON." });
    expect(state).toEqual({
      asking: null,
      message: null,
      error: "This file is not valid JSON. Your current progress was not changed.",
    });
  });

  it("asks before a reset, and reports it", () => {
    const state = dataPanelReducer({ ...initialDataPanel, error: "old" }, { type: "resetAsked" });
    expect(state).toEqual({ asking: { kind: "reset" }, message: null, error: null });
    expect(dataPanelReducer(state, { type: "resetDone", result: { ok: true, backedUp: true } })).toEqual({
      asking: null,
      message: "All progress in this browser was erased. A copy is kept, and this page offers to bring it back.",
      error: null,
    });
    expect(dataPanelReducer(state, { type: "resetDone", result: { ok: false, error: "No room." } })).toEqual({
      asking: null,
      message: null,
      error: "No room. Your current progress was not changed.",
    });
  });

  it("keeps an open question when progress is exported meanwhile", () => {
    expect(dataPanelReducer(asking(fromFile), { type: "exported" })).toEqual({
      asking: { kind: "replace", pending: fromFile },
      message: "Progress exported to a JSON file.",
      error: null,
    });
  });
});
