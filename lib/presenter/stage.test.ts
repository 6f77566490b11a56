import { describe, expect, it } from "vitest";
import { initialStage, liveBaseFor, stageReducer, type StageEvent, type StageState } from "./stage";

const BASE = "http://127.0.0.1:4100";
const run = (events: StageEvent[], from: StageState = initialStage) => events.reduce(stageReducer, from);

describe("the presenter's stage", () => {
  it("opens and closes the notes panel", () => {
    expect(run([{ type: "notes-toggled" }]).notesOpen).toBe(true);
    expect(run([{ type: "notes-toggled" }, { type: "notes-toggled" }]).notesOpen).toBe(false);
  });

  it("runs a step live on the server that answered, only while that step is on screen", () => {
    const live = run([
      { type: "live-server", status: { state: "checking" } },
      { type: "live-started", stepId: "stop", base: BASE },
    ]);
    expect(live.liveServer).toEqual({ state: "ready" });
    expect(liveBaseFor(live, "stop")).toBe(BASE);
    expect(liveBaseFor(live, "zombies")).toBeUndefined();
  });

  it("keeps the recording with a notice when no live server can run the step", () => {
    const refused = run([
      { type: "live-server", status: { state: "checking" } },
      { type: "live-refused", reason: `no live server answers at ${BASE}` },
    ]);
    expect(refused.liveServer).toEqual({ state: "unavailable", reason: `no live server answers at ${BASE}` });
    expect(refused.notice).toBe(
      `Live mode is not available: no live server answers at ${BASE}. Showing the recording.`,
    );
    expect(refused.live).toBeUndefined();
  });

  it("goes back to the recording when the live run ends, saying why when it could not happen", () => {
    const started = run([{ type: "live-started", stepId: "stop", base: BASE }]);
    expect(run([{ type: "live-ended" }], started)).toMatchObject({ live: undefined, notice: undefined });
    expect(run([{ type: "live-ended", notice: "Live run refused" }], started)).toMatchObject({
      live: undefined,
      notice: "Live run refused",
    });
  });

  it("leaves a step's live run and notice behind when the step changes, and keeps the notes panel and the server's status", () => {
    const before = run([
      { type: "notes-toggled" },
      { type: "live-started", stepId: "stop", base: BASE },
      { type: "notice", text: "something" },
    ]);
    expect(run([{ type: "step-changed" }], before)).toEqual({ notesOpen: true, liveServer: { state: "ready" } });
  });
});
