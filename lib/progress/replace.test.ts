import { describe, expect, it } from "vitest";
import { PROGRESS_VERSION, emptyProgress, type ProgressData } from "./schema";
import { hasProgress, parseReplaced, replacementSummary, serializeReplaced } from "./replace";

const quiz = (id: string) => ({
  lesson: "ch/a",
  id,
  kind: "SingleChoice" as const,
  answer: [0],
  correct: true,
  firstTryCorrect: true,
  attempts: 1,
  answeredAt: "2026-03-10T09:00:00.000Z",
});

const progress: ProgressData = {
  quizzes: { "ch/a#q1": quiz("q1"), "ch/a#q2": quiz("q2") },
  lessons: {
    "ch/a": { readAt: "2026-03-10T08:00:00.000Z", completedAt: "2026-03-10T09:30:00.000Z" },
    "ch/b": { readAt: "2026-03-10T10:00:00.000Z" },
  },
  practice: {
    "ch/a#card": { box: 3, due: "2026-03-14", lastReviewed: "2026-03-10", reviews: 3, lapses: 1, lastScore: 0.8 },
  },
  practiceDays: ["2026-03-09", "2026-03-10"],
  exercises: {},
};

const NOW = new Date("2026-03-10T12:00:00Z");

describe("what a replacement would replace", () => {
  it("counts each kind of progress now and after", () => {
    expect(replacementSummary(progress, emptyProgress())).toEqual({
      rows: [
        { label: "Lessons opened", now: 2, after: 0 },
        { label: "Lessons completed", now: 1, after: 0 },
        { label: "Quiz questions answered", now: 2, after: 0 },
        { label: "Practice cards scheduled", now: 1, after: 0 },
        { label: "Days with practice", now: 2, after: 0 },
        { label: "Exercises attempted", now: 0, after: 0 },
      ],
      erasesEverything: true,
    });
  });

  it("warns only when all progress would go and none comes in", () => {
    expect(replacementSummary(emptyProgress(), progress).erasesEverything).toBe(false);
    expect(replacementSummary(emptyProgress(), emptyProgress()).erasesEverything).toBe(false);
    expect(replacementSummary(progress, { ...emptyProgress(), practiceDays: ["2026-03-10"] }).erasesEverything).toBe(
      false,
    );
  });

  it("counts a lesson opened or a practice day alone as progress", () => {
    expect(hasProgress(emptyProgress())).toBe(false);
    expect(hasProgress({ ...emptyProgress(), lessons: { "ch/a": { readAt: "2026-03-10T08:00:00.000Z" } } })).toBe(true);
    expect(hasProgress({ ...emptyProgress(), practiceDays: ["2026-03-10"] })).toBe(true);
  });
});

describe("the backup of replaced progress", () => {
  it("round-trips with the time it was replaced", () => {
    const raw = serializeReplaced(progress, NOW);
    expect(JSON.parse(raw)).toMatchObject({ version: PROGRESS_VERSION, replacedAt: "2026-03-10T12:00:00.000Z" });
    expect(parseReplaced(raw)).toEqual({ replacedAt: "2026-03-10T12:00:00.000Z", data: progress });
  });

  it("upgrades a backup saved in an older format", () => {
    const v1 = JSON.stringify({
      version: 1,
      replacedAt: NOW.toISOString(),
      state: { answers: {}, completedLessons: ["ch/a"], cards: {} },
    });
    expect(parseReplaced(v1)?.data.lessons["ch/a"]?.completedAt).toBeDefined();
  });

  it.each([
    ["nothing stored", null],
    ["not JSON", "{oops"],
    ["no replacement time", JSON.stringify({ version: PROGRESS_VERSION, state: progress })],
    [
      "a state the schema rejects",
      JSON.stringify({ version: PROGRESS_VERSION, replacedAt: NOW.toISOString(), state: { quizzes: 3 } }),
    ],
  ])("offers no backup for %s", (_label, raw) => {
    expect(parseReplaced(raw)).toBeNull();
  });
});
