import { describe, expect, it } from "vitest";
import { resumePoint, type ResumableLesson } from "./resume";

const lessons: ResumableLesson[] = [
  { id: "a/one", title: "1.1 One", href: "/learn/a/one" },
  { id: "a/two", title: "1.2 Two", href: "/learn/a/two" },
  { id: "b/three", title: "2.1 Three", href: "/learn/b/three" },
];
const quiz = (lesson: string, answeredAt: string) => ({
  lesson,
  id: "q",
  kind: "SingleChoice" as const,
  answer: [0],
  correct: true,
  firstTryCorrect: true,
  attempts: 1,
  answeredAt,
});

describe("resumePoint", () => {
  it("starts a new learner at the first lesson", () => {
    expect(resumePoint(lessons, { lessons: {}, quizzes: {} })).toEqual({ kind: "start", lesson: lessons[0] });
  });

  it("continues the lesson last worked in, counting quiz answers as work", () => {
    const data = {
      lessons: { "a/one": { readAt: "2026-11-01T10:00:00Z" }, "a/two": { readAt: "2026-11-02T10:00:00Z" } },
      quizzes: { "a/one#q": quiz("a/one", "2026-11-03T09:00:00Z") },
    };
    expect(resumePoint(lessons, data)).toEqual({ kind: "continue", lesson: lessons[0], since: "2026-11-03T09:00:00Z" });
  });

  it("moves on to the next lesson not completed once the last one is complete, wrapping round", () => {
    const data = {
      lessons: {
        "a/one": { readAt: "2026-11-01T10:00:00Z" },
        "a/two": { readAt: "2026-11-01T10:00:00Z", completedAt: "2026-11-02T10:00:00Z" },
        "b/three": { readAt: "2026-11-01T09:00:00Z", completedAt: "2026-11-01T09:30:00Z" },
      },
      quizzes: {},
    };
    expect(resumePoint(lessons, data)).toEqual({ kind: "next", lesson: lessons[0], finished: lessons[1] });
  });

  it("says the course is done when every lesson is complete", () => {
    const completed = { readAt: "2026-11-01T10:00:00Z", completedAt: "2026-11-01T11:00:00Z" };
    const data = { lessons: { "a/one": completed, "a/two": completed, "b/three": completed }, quizzes: {} };
    expect(resumePoint(lessons, data)).toEqual({ kind: "done" });
  });
});
