"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { LessonId } from "@/lib/content/lesson-id";
import { useProgress } from "@/lib/progress/use-progress";
import {
  attemptReducer,
  FRESH_ATTEMPT,
  NOTHING_PICKED,
  savedAnswer,
  viewAttempt,
  type AttemptView,
} from "@/lib/quiz/attempt";
import type { AnswerRules } from "@/lib/quiz/scoring";
import { quizKey, type QuizKind } from "@/lib/quiz/types";

export interface QuizAttemptOptions {
  lesson: LessonId;
  id: string;
  kind: QuizKind;
  rules: AnswerRules;
  /** The answer a fresh attempt shows; nothing picked unless given. */
  start?: readonly number[];
  /** "Try again" starts from the answer as it stands instead of from nothing picked. */
  retryKeepsAnswer?: boolean;
}

export interface QuizAttempt extends AttemptView {
  /** False in the server-rendered quiz shown until the island has loaded (./static-attempt.ts): its controls are disabled. */
  interactive: boolean;
  edit(answer: readonly number[]): void;
  /** Saves the answer shown and announces `describe(correct)`. */
  submit(describe: (correct: boolean) => string): void;
  retry(): void;
  showAnswer(announcement: string): void;
  announce(text: string): void;
  announcement: string;
}

/** One quiz island's attempt: the saved record, the shared reducer in lib/quiz/attempt.ts, and announcements. */
export function useQuizAttempt({
  lesson,
  id,
  kind,
  rules,
  start = NOTHING_PICKED,
  retryKeepsAnswer = false,
}: QuizAttemptOptions): QuizAttempt {
  const record = useProgress((state) => state.quizzes[quizKey(lesson, id)]);
  const recordQuiz = useProgress((state) => state.recordQuiz);
  const [state, dispatch] = useReducer(attemptReducer, FRESH_ATTEMPT);
  const view = viewAttempt(state, savedAnswer(record, kind, rules), start, rules);
  const { announcement, announce } = useAnnouncer();
  return {
    ...view,
    interactive: true,
    announcement,
    announce,
    edit: (answer) => dispatch({ type: "edit", answer }),
    submit(describe) {
      if (!view.canSubmit) return;
      const correct = rules.isCorrect(view.answer);
      recordQuiz({ lesson, id, kind, answer: [...view.answer], correct });
      dispatch({ type: "submitted" });
      announce(describe(correct));
    },
    retry: () => dispatch({ type: "retry", answer: retryKeepsAnswer ? view.answer : NOTHING_PICKED }),
    showAnswer(text) {
      dispatch({ type: "showAnswer" });
      announce(text);
    },
  };
}

/** The check button is gone once an answer is submitted: focus moves to "Try again", which takes this ref. */
export function useRetryFocus(justSubmitted: boolean) {
  const retryButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (justSubmitted) retryButton.current?.focus();
  }, [justSubmitted]);
  return retryButton;
}

/**
 * A polite announcement for the live region, set only by the learner's own actions (so a
 * restored answer is not read out on page load).
 */
function useAnnouncer() {
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((text: string) => {
    // Clearing first makes a repeated message ("Not quite.") be announced again.
    setAnnouncement("");
    window.setTimeout(() => setAnnouncement(text), 50);
  }, []);
  return { announcement, announce };
}
