import { describe, expect, it } from "vitest";
import { loadStoredProgress, migrateEnvelope } from "./migrate";
import { PROGRESS_VERSION, emptyProgress, type ProgressData } from "./schema";
import { MAX_IMPORT_BYTES, parseImport, readImportFile, serializeExport } from "./transfer";

const sample: ProgressData = {
  quizzes: {
    "ch/lesson#base-image": {
      lesson: "ch/lesson",
      id: "base-image",
      kind: "SingleChoice",
      answer: [1],
      correct: true,
      firstTryCorrect: false,
      attempts: 2,
      answeredAt: "2026-03-10T09:00:00.000Z",
    },
  },
  lessons: { "ch/lesson": { readAt: "2026-03-10T08:00:00.000Z", completedAt: "2026-03-10T09:30:00.000Z" } },
  practice: {
    "ch/lesson#card": { box: 3, due: "2026-03-14", lastReviewed: "2026-03-10", reviews: 3, lapses: 1, lastScore: 0.8 },
  },
  practiceDays: ["2026-03-09", "2026-03-10"],
  exercises: {
    "ch/lesson#fix-naive": {
      lesson: "ch/lesson",
      id: "fix-naive",
      attempts: 3,
      bestCheck: { passed: 10, total: 12 },
      bestRun: { passed: 4, total: 5 },
      lastAttemptAt: "2026-03-10T09:45:00.000Z",
    },
  },
};

const stored = (state: unknown, version: number = PROGRESS_VERSION) => JSON.stringify({ state, version });

describe("loading saved progress", () => {
  it("starts empty, without a notice, when nothing is stored", () => {
    expect(loadStoredProgress(null)).toEqual({ status: "empty", data: emptyProgress() });
  });

  it("uses a current-version value as is", () => {
    expect(loadStoredProgress(stored(sample))).toEqual({ status: "ok", data: sample });
  });

  it.each([
    ["not JSON", "{not json", /not valid JSON/],
    ["a JSON string", '"hello"', /not this site's progress format/],
    ["another app's data", JSON.stringify({ theme: "dark" }), /not this site's progress format/],
    ["a newer version", stored(sample, PROGRESS_VERSION + 1), /newer version of the site/],
    ["version 0", stored(sample, 0), /format 0 is unknown/],
    ["a wrong field type", stored({ ...sample, practiceDays: "monday" }), /practiceDays/],
    ["a bad date", stored({ ...sample, practiceDays: ["2026-02-30"] }), /YYYY-MM-DD/],
    [
      "a box out of range",
      stored({ ...sample, practice: { x: { ...sample.practice["ch/lesson#card"], box: 9 } } }),
      /practice\.x\.box/,
    ],
  ])("backs up and resets %s, saying why", (_label, raw, reason) => {
    const outcome = loadStoredProgress(raw);
    expect(outcome.status).toBe("reset");
    expect(outcome.data).toEqual(emptyProgress());
    if (outcome.status === "reset") expect(outcome.reason).toMatch(reason);
  });

  it("migrates a version 1 value to the current format", () => {
    const v1 = {
      answers: {
        "ch/lesson#base-image": { kind: "SingleChoice", correct: true, attempts: 1, at: Date.UTC(2026, 2, 1, 10) },
      },
      completedLessons: ["ch/lesson"],
      cards: {
        "ch/lesson#card": {
          box: 2,
          due: new Date(2026, 2, 5, 12).getTime(),
          reviewedAt: new Date(2026, 2, 3, 12).getTime(),
        },
      },
    };
    const outcome = loadStoredProgress(stored(v1, 1));
    expect(outcome.status).toBe("migrated");
    if (outcome.status !== "migrated") return;
    expect(outcome.from).toBe(1);
    expect(outcome.data.quizzes["ch/lesson#base-image"]).toMatchObject({
      lesson: "ch/lesson",
      id: "base-image",
      correct: true,
      firstTryCorrect: true,
      attempts: 1,
      answer: [],
      answeredAt: "2026-03-01T10:00:00.000Z",
    });
    expect(outcome.data.lessons["ch/lesson"]?.completedAt).toBeDefined();
    expect(outcome.data.practice["ch/lesson#card"]).toEqual({
      box: 2,
      due: "2026-03-05",
      lastReviewed: "2026-03-03",
      reviews: 1,
      lapses: 0,
      lastScore: 1,
    });
    expect(outcome.data.practiceDays).toEqual(["2026-03-03"]);
  });

  it("migrates a version 2 value, which had no exercises yet, to the current format", () => {
    const v2: Partial<ProgressData> = { ...sample };
    delete v2.exercises;
    const outcome = loadStoredProgress(stored(v2, 2));
    expect(outcome).toMatchObject({ status: "migrated", from: 2, data: { ...v2, exercises: {} } });
    // An older export file upgrades the same way on import.
    const file = JSON.stringify({ format: "shipping-node-progress", version: 2, state: v2 });
    expect(parseImport(file)).toEqual({ ok: true, data: { ...v2, exercises: {} }, migratedFrom: 2 });
  });

  it("rejects an exercise grade that passes more checks than it ran", () => {
    const record = { ...sample.exercises["ch/lesson#fix-naive"]!, bestCheck: { passed: 13, total: 12 } };
    const outcome = loadStoredProgress(stored({ ...sample, exercises: { "ch/lesson#fix-naive": record } }));
    expect(outcome).toMatchObject({
      status: "reset",
      reason: expect.stringMatching(/exercises.*passed cannot exceed total/),
    });
  });

  it("resets a version 1 value the migration cannot make sense of", () => {
    const outcome = loadStoredProgress(stored({ answers: { "no-lesson-key": { correct: true, attempts: 1 } } }, 1));
    expect(outcome).toMatchObject({
      status: "reset",
      reason: expect.stringMatching(/upgrading it from format 1 failed: answer key no-lesson-key has no lesson/),
    });
    const invalid = loadStoredProgress(
      stored({ answers: { "a#b": { kind: "Essay", correct: true, attempts: 1 } } }, 1),
    );
    expect(invalid.status).toBe("reset");
  });

  it("never throws, whatever the input", () => {
    for (const raw of [
      "",
      "null",
      "[]",
      "0",
      "{}",
      '{"state":null,"version":2}',
      '{"state":{},"version":1.5}',
      "\u0000",
    ]) {
      expect(() => loadStoredProgress(raw)).not.toThrow();
    }
    expect(migrateEnvelope(null).status).toBe("reset");
  });
});

describe("export and import", () => {
  it("round-trips progress through an export file", () => {
    const file = serializeExport(sample, new Date("2026-03-10T12:00:00Z"));
    expect(JSON.parse(file)).toMatchObject({
      format: "shipping-node-progress",
      version: PROGRESS_VERSION,
      exportedAt: "2026-03-10T12:00:00.000Z",
    });
    expect(parseImport(file)).toEqual({ ok: true, data: sample });
  });

  it("refuses files that are not valid exports with a clear message", () => {
    expect(parseImport("nope")).toEqual({ ok: false, error: "This file is not valid JSON." });
    expect(parseImport(stored(sample))).toEqual({
      ok: false,
      error: "This file is not a progress export from this site.",
    });
    const broken = parseImport(
      JSON.stringify({ format: "shipping-node-progress", version: 2, state: { ...sample, quizzes: 3 } }),
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/^This progress file can't be used: .*quizzes/);
  });

  it("refuses a file over 1 MB without reading it", async () => {
    const unread = { size: 37_200_000, text: () => Promise.reject(new Error("the file must not be read")) };
    expect(await readImportFile(unread)).toEqual({
      ok: false,
      error: "This file is 37.2 MB, far bigger than a progress export (the limit is 1 MB), so it was not read.",
    });
  });

  it("reads and checks a file within the limit", async () => {
    const file = new Blob([serializeExport(sample, new Date("2026-03-10T12:00:00Z"))]);
    expect(await readImportFile(file)).toEqual({ ok: true, data: sample });
    // At the limit it is read; blank space only is an empty file to a person, and is called that.
    expect(await readImportFile(new Blob([" ".repeat(MAX_IMPORT_BYTES)]))).toEqual({
      ok: false,
      error: "This file is empty: it holds no progress export.",
    });
  });

  it("says so when the file cannot be read", async () => {
    expect(await readImportFile({ size: 10, text: () => Promise.reject(new Error("NotReadableError")) })).toEqual({
      ok: false,
      error: "This file could not be read.",
    });
  });
});
