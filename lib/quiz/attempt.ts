import type { AnswerRules } from "./scoring";
import type { QuizKind } from "./types";

/**
 * One learner's attempt at a quiz: the state machine every quiz island shares. An answer is a
 * list of indices, as in the progress record (./scoring.ts), and an empty list means nothing is
 * picked yet. While the learner is not editing, the island shows the saved answer, so a reload,
 * another tab or an import shows what was last submitted.
 */
export interface AttemptState {
  /** The answer being edited, or `null` while the saved answer (if there is one) is shown. */
  draft: readonly number[] | null;
  /** The learner asked for the right answer after a wrong one. */
  answerShown: boolean;
  /** The learner submitted in this page view (a restored answer is not): focus moves to "Try again". */
  justSubmitted: boolean;
}

export const FRESH_ATTEMPT: AttemptState = { draft: null, answerShown: false, justSubmitted: false };

export const NOTHING_PICKED: readonly number[] = [];

export type AttemptAction =
  /** The learner picked, unpicked or moved something. */
  | { type: "edit"; answer: readonly number[] }
  /** The answer was saved: show it, as the saved answer, with its verdict. */
  | { type: "submitted" }
  /** Answer again, starting from `answer` (nothing picked, or the lines as they stand). */
  | { type: "retry"; answer: readonly number[] }
  | { type: "showAnswer" };

export function attemptReducer(state: AttemptState, action: AttemptAction): AttemptState {
  switch (action.type) {
    case "edit":
      return { ...state, draft: action.answer };
    case "submitted":
      return { draft: null, answerShown: false, justSubmitted: true };
    case "retry":
      return { draft: action.answer, answerShown: false, justSubmitted: false };
    case "showAnswer":
      return { ...state, answerShown: true };
  }
}

export interface AttemptView {
  /** What the inputs show: the draft, else the saved answer, else the starting answer. */
  answer: readonly number[];
  /** A saved answer is shown: the inputs are locked and the verdict is visible. */
  submitted: boolean;
  /** The shown answer's verdict; `null` until it is submitted. */
  correct: boolean | null;
  /** Submitted, and either right or the learner asked for the answer: every explanation may show. */
  revealed: boolean;
  /** Submitted by the learner just now rather than restored. */
  justSubmitted: boolean;
  /** Something is picked, so the answer can be checked. */
  canSubmit: boolean;
}

/** Where the attempt stands, given the saved answer (see `savedAnswer`) and the answer a fresh attempt starts from. */
export function viewAttempt(
  state: AttemptState,
  saved: readonly number[] | undefined,
  start: readonly number[],
  rules: AnswerRules,
): AttemptView {
  const submitted = state.draft === null && saved !== undefined;
  const answer = state.draft ?? saved ?? start;
  const correct = submitted ? rules.isCorrect(answer) : null;
  const revealed = correct === true || (correct === false && state.answerShown);
  return {
    answer,
    submitted,
    correct,
    revealed,
    justSubmitted: submitted && state.justSubmitted,
    canSubmit: answer.length > 0,
  };
}

/** The saved answer, if it was given to this kind of quiz and still fits the question; otherwise the quiz starts fresh. */
export function savedAnswer(
  record: { kind: QuizKind; answer: readonly number[] } | undefined,
  kind: QuizKind,
  rules: AnswerRules,
): readonly number[] | undefined {
  return record?.kind === kind && rules.fits(record.answer) ? record.answer : undefined;
}
