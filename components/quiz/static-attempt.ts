import { NOTHING_PICKED } from "@/lib/quiz/attempt";
import type { QuizAttempt } from "./use-quiz-attempt";

const nothing = () => {};

/**
 * A quiz as the lesson server-renders it, until its island has loaded (when the quiz nears the viewport):
 * the starting answer, nothing submitted, and every control disabled. The quiz views render the
 * same markup from it as from a live attempt, so the island takes its place without a shift.
 */
export function staticAttempt(start: readonly number[] = NOTHING_PICKED): QuizAttempt {
  return {
    answer: start,
    submitted: false,
    correct: null,
    revealed: false,
    justSubmitted: false,
    canSubmit: false,
    interactive: false,
    announcement: "",
    edit: nothing,
    submit: nothing,
    retry: nothing,
    showAnswer: nothing,
    announce: nothing,
  };
}
