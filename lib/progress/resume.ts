import type { ProgressData } from "./schema";

export interface ResumableLesson {
  id: string;
  /** "1.1 Dockerizing a Node.js app" */
  title: string;
  href: string;
}

export type ResumePoint =
  | { kind: "start"; lesson: ResumableLesson }
  | { kind: "continue"; lesson: ResumableLesson; since: string }
  | { kind: "next"; lesson: ResumableLesson; finished: ResumableLesson }
  | { kind: "done" };

/** The latest moment the learner did anything in a lesson (opened it, completed it, answered a quiz), as an ISO time. */
function lastActivity(lesson: string, data: Pick<ProgressData, "lessons" | "quizzes">): string | undefined {
  const record = data.lessons[lesson];
  const times = [record?.readAt, record?.completedAt];
  for (const quiz of Object.values(data.quizzes)) if (quiz.lesson === lesson) times.push(quiz.answeredAt);
  return times
    .filter((time): time is string => time !== undefined)
    .sort()
    .at(-1);
}

/**
 * Where "continue where you left off" leads: the lesson the learner last worked in, or, when they
 * completed it, the first lesson after it they have not completed; the first lesson for a new
 * learner. `lessons` is in course order.
 */
export function resumePoint(
  lessons: readonly ResumableLesson[],
  data: Pick<ProgressData, "lessons" | "quizzes">,
): ResumePoint {
  const first = lessons[0];
  if (!first) return { kind: "done" };
  let latest: { lesson: ResumableLesson; index: number; at: string } | undefined;
  lessons.forEach((lesson, index) => {
    const at = lastActivity(lesson.id, data);
    if (at && (!latest || at > latest.at)) latest = { lesson, index, at };
  });
  if (!latest) return { kind: "start", lesson: first };
  if (!data.lessons[latest.lesson.id]?.completedAt)
    return { kind: "continue", lesson: latest.lesson, since: latest.at };
  const next = [...lessons.slice(latest.index + 1), ...lessons.slice(0, latest.index)].find(
    (lesson) => !data.lessons[lesson.id]?.completedAt,
  );
  return next ? { kind: "next", lesson: next, finished: latest.lesson } : { kind: "done" };
}
