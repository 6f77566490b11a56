import type { Grade } from "./grade";
import type { Analysis } from "./rules";

/**
 * One learner's work on a Dockerfile exercise: the state machine the exercise island runs. Checking
 * is an attempt; the model answer may be shown once there has been one (in this visit or a saved one),
 * so it is a reference after trying, not a shortcut before.
 */
export interface ExerciseState {
  /** The editor's text. */
  text: string;
  /** The last check and the text it judged; edits after it make it stale, not gone. */
  check: { text: string; analysis: Analysis; grade: Grade } | null;
  /** Checks in this page view (saved attempts are counted by the progress store). */
  attempts: number;
  modelShown: boolean;
}

export type ExerciseAction =
  | { type: "edit"; text: string }
  /** `grade` is the rules' gradeOf(analysis): the rules load lazily, so the island computes it with them. */
  | { type: "checked"; text: string; analysis: Analysis; grade: Grade }
  /** Back to the starting Dockerfile; attempts stay counted. */
  | { type: "reset"; start: string }
  /** `savedAttempts`: attempts stored in progress from earlier visits. */
  | { type: "showModel"; savedAttempts: number }
  | { type: "hideModel" };

export function startExercise(start: string): ExerciseState {
  return { text: start, check: null, attempts: 0, modelShown: false };
}

export function exerciseReducer(state: ExerciseState, action: ExerciseAction): ExerciseState {
  switch (action.type) {
    case "edit":
      return action.text === state.text ? state : { ...state, text: action.text };
    case "checked":
      return {
        ...state,
        check: { text: action.text, analysis: action.analysis, grade: action.grade },
        attempts: state.attempts + 1,
      };
    case "reset":
      return { ...state, text: action.start, check: null };
    case "showModel":
      return state.attempts + action.savedAttempts > 0 ? { ...state, modelShown: true } : state;
    case "hideModel":
      return { ...state, modelShown: false };
  }
}

export interface ExerciseView {
  /** The last check's grade, or null before the first check. */
  grade: Grade | null;
  /** Every rule passed on the text as it stands now. */
  solved: boolean;
  /** The text changed since the last check: its findings may no longer match. */
  stale: boolean;
  modelAvailable: boolean;
  canCheck: boolean;
}

export function viewExercise(state: ExerciseState, savedAttempts: number): ExerciseView {
  const grade = state.check?.grade ?? null;
  const stale = state.check !== null && state.check.text !== state.text;
  return {
    grade,
    solved: grade !== null && !stale && grade.passed === grade.total,
    stale,
    modelAvailable: state.attempts + savedAttempts > 0,
    canCheck: state.text.trim().length > 0,
  };
}
