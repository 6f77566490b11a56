import type { LessonId } from "@/lib/content/lesson-id";

/**
 * The Dockerfile exercises a lesson can place with `<DockerfileExercise id="…" />`. The starting and
 * model Dockerfiles are repo files (read at build time by ./exercises.server.ts), so the exercise
 * always starts from the very file the recorder builds and ends at the one it measures.
 */
export interface ExerciseEntry {
  title: string;
  lesson: LessonId;
  /** Repo-relative path of the Dockerfile the editor starts with. */
  start: string;
  /** Repo-relative path of the model answer, shown after an attempt. */
  model: string;
}

export const EXERCISES = {
  "fix-naive": {
    title: "Fix the naive Dockerfile",
    lesson: "production-and-scaling/dockerizing-nodejs",
    start: "sandboxes/images/naive/Dockerfile",
    model: "sandboxes/images/optimized/Dockerfile",
  },
} satisfies Record<string, ExerciseEntry>;

export type ExerciseId = keyof typeof EXERCISES;

export function isExerciseId(id: string): id is ExerciseId {
  return Object.hasOwn(EXERCISES, id);
}
