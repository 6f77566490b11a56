import type { LessonId } from "@/lib/content/lesson-id";

/** The quiz kinds a lesson can use. The names are the MDX component names. */
export const QUIZ_KINDS = ["SingleChoice", "MultipleChoice", "OrderLines", "SpotTheProblem", "PredictOutcome"] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

export function isQuizKind(name: string | null | undefined): name is QuizKind {
  return (QUIZ_KINDS as readonly string[]).includes(name ?? "");
}

/** Where a question lives, for progress records: `lesson#questionId`. */
export function quizKey(lesson: LessonId, id: string): string {
  return `${lesson}#${id}`;
}
