import * as z from "@/lib/site/zod";
import { isDay } from "@/lib/practice/dates";
import { QUIZ_KINDS } from "@/lib/quiz/types";

/**
 * What the browser keeps, stored under `STORAGE_KEY` as `{ "state": …, "version": 3 }` (the
 * envelope zustand's persist middleware writes). Bump `PROGRESS_VERSION` for any change that an
 * older state would not satisfy, and add a step to `MIGRATIONS` in ./migrate.ts.
 */
export const PROGRESS_VERSION = 3;
export const STORAGE_KEY = "shipping-node:progress";
export const BACKUP_KEY_PREFIX = "shipping-node:progress:backup:";
/** The progress the last import or restore replaced (see ./replace.ts), for the progress page to bring back. */
export const REPLACED_KEY = "shipping-node:progress:replaced";

/**
 * The saved data's schemas, built on first use. Building them is one of the longest tasks of a page's start on a phone
 * (zod constructs every schema's checks up front), and a first visit, with nothing saved, never needs them: nothing is
 * read back and nothing imported. Whatever is read from storage or imported is still validated against them.
 */
function buildSchemas() {
  const day = z.string().check(z.refine(isDay, "must be a YYYY-MM-DD date"));
  const isoTime = z.iso.datetime({ offset: true });
  const index = z.int().check(z.minimum(0));

  const quizRecordSchema = z.object({
    lesson: z.string().check(z.minLength(1)),
    id: z.string().check(z.minLength(1)),
    kind: z.enum(QUIZ_KINDS),
    /** Option indices picked, the line order, or the one line picked (see lib/quiz/scoring.ts). */
    answer: z.array(index).check(z.maxLength(200)),
    correct: z.boolean(),
    /** Whether the first submitted answer was correct; later retries do not change it. */
    firstTryCorrect: z.boolean(),
    attempts: z.int().check(z.minimum(1)),
    answeredAt: isoTime,
  });

  const lessonRecordSchema = z.object({
    readAt: z.optional(isoTime),
    completedAt: z.optional(isoTime),
  });

  const cardScheduleSchema = z.object({
    box: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    due: day,
    lastReviewed: day,
    reviews: z.int().check(z.minimum(1)),
    lapses: z.int().check(z.minimum(0)),
    lastScore: z.number().check(z.minimum(0), z.maximum(1)),
  });

  /** A grade: checks passed out of checks run (lib/exercise/rules.ts gradeOf, or the lab runner's). */
  const gradeSchema = z
    .object({ passed: z.int().check(z.minimum(0)), total: z.int().check(z.minimum(1)) })
    .check(z.refine((grade) => grade.passed <= grade.total, "passed cannot exceed total"));

  const exerciseRecordSchema = z.object({
    lesson: z.string().check(z.minLength(1)),
    id: z.string().check(z.minLength(1)),
    /** Static checks of the learner's Dockerfile (each "Check" press). */
    attempts: z.int().check(z.minimum(0)),
    /** The best static grade so far. */
    bestCheck: z.optional(gradeSchema),
    /** The best grade from a real build and run on the learner's engine. */
    bestRun: z.optional(gradeSchema),
    lastAttemptAt: isoTime,
  });

  const progressDataSchema = z.object({
    /** Keyed by `lesson#questionId` (lib/quiz/types.ts quizKey). */
    quizzes: z.record(z.string(), quizRecordSchema),
    /** Keyed by lesson id, `chapter-slug/lesson-slug` (lib/content/lesson-id.ts). */
    lessons: z.record(z.string(), lessonRecordSchema),
    /** Keyed by `lesson#cardId` (lib/practice/cards.ts cardKey). */
    practice: z.record(z.string(), cardScheduleSchema),
    /** Days with at least one practice review, for the streak; sorted, unique. */
    practiceDays: z.array(day).check(z.maxLength(5000)),
    /** Keyed by `lesson#exerciseId`, like quizzes. */
    exercises: z.record(z.string(), exerciseRecordSchema),
  });

  /** The stamp on the backup an import or restore keeps (./replace.ts). */
  const replacedStampSchema = z.object({ replacedAt: isoTime });

  return { progressData: progressDataSchema, replacedStamp: replacedStampSchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

export function progressSchemas(): ReturnType<typeof buildSchemas> {
  schemas ??= buildSchemas();
  return schemas;
}

export type ProgressData = z.infer<ReturnType<typeof progressSchemas>["progressData"]>;
export type QuizRecord = ProgressData["quizzes"][string];
export type LessonRecord = ProgressData["lessons"][string];
export type ExerciseRecord = ProgressData["exercises"][string];

export function emptyProgress(): ProgressData {
  return { quizzes: {}, lessons: {}, practice: {}, practiceDays: [], exercises: {} };
}
