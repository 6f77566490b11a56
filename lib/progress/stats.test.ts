import { describe, expect, it } from "vitest";
import { emptyProgress, type ProgressData } from "./schema";
import { lessonStats, overallStats, type LessonInfo } from "./stats";

const lesson: LessonInfo = {
  id: "ch/a",
  title: "A",
  href: "/learn/ch/a",
  quizIds: ["q1", "q2", "q3"],
  cardKeys: ["ch/a#c1", "ch/a#c2"],
};
const other: LessonInfo = { id: "ch/b", title: "B", href: "/learn/ch/b", quizIds: ["q1"], cardKeys: [] };
const TODAY = "2026-03-10";

const quiz = (lessonId: string, id: string, correct: boolean) => ({
  lesson: lessonId,
  id,
  kind: "SingleChoice" as const,
  answer: [0],
  correct,
  firstTryCorrect: correct,
  attempts: 1,
  answeredAt: "2026-03-10T09:00:00.000Z",
});

describe("progress stats", () => {
  it("summarises one lesson, ignoring answers to questions that no longer exist", () => {
    const data: ProgressData = {
      ...emptyProgress(),
      quizzes: {
        "ch/a#q1": quiz("ch/a", "q1", true),
        "ch/a#q2": quiz("ch/a", "q2", false),
        "ch/a#gone": quiz("ch/a", "gone", true),
      },
      lessons: { "ch/a": { readAt: "2026-03-10T08:00:00.000Z" } },
      practice: { "ch/a#c1": { box: 2, due: "2026-03-12", lastReviewed: TODAY, reviews: 1, lapses: 0, lastScore: 1 } },
    };
    expect(lessonStats(lesson, data, TODAY)).toEqual({
      id: "ch/a",
      status: "read",
      quizzesTotal: 3,
      quizzesAnswered: 2,
      quizzesCorrect: 1,
      cardsTotal: 2,
      cardsReviewed: 1,
      cardsDue: 1,
    });
  });

  it("adds lessons up and counts the streak", () => {
    const data: ProgressData = {
      ...emptyProgress(),
      quizzes: { "ch/b#q1": quiz("ch/b", "q1", true) },
      lessons: { "ch/b": { readAt: "2026-03-09T08:00:00.000Z", completedAt: "2026-03-09T09:00:00.000Z" } },
      practiceDays: ["2026-03-08", "2026-03-09"],
    };
    expect(overallStats([lesson, other], data, TODAY)).toEqual({
      lessonsTotal: 2,
      lessonsCompleted: 1,
      quizzesTotal: 4,
      quizzesAnswered: 1,
      quizzesCorrect: 1,
      cardsDue: 2,
      cardsTotal: 2,
      streak: 2,
    });
  });
});
