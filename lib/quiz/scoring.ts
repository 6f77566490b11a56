/**
 * Scoring for every quiz kind. All answers are lists of indices so one record shape fits all:
 * choice quizzes store the picked option indices, order-the-lines the current order of line
 * indices (authored order = correct order), spot-the-problem the one picked line index.
 */

export interface ChoiceResult {
  correct: boolean;
  /** Correct options the learner did not pick (multiple choice). */
  missed: number[];
  /** Options picked that are wrong. */
  wrong: number[];
}

export function scoreChoice(selected: readonly number[], correctIndices: readonly number[]): ChoiceResult {
  const picked = new Set(selected);
  const correctSet = new Set(correctIndices);
  const missed = correctIndices.filter((index) => !picked.has(index));
  const wrong = [...picked].filter((index) => !correctSet.has(index)).sort((a, b) => a - b);
  return { correct: picked.size > 0 && missed.length === 0 && wrong.length === 0, missed, wrong };
}

export interface OrderResult {
  correct: boolean;
  /** For each position, whether the line there belongs there. */
  inPlace: boolean[];
  placedCount: number;
}

export function scoreOrder(order: readonly number[]): OrderResult {
  const inPlace = order.map((line, position) => line === position);
  const placedCount = inPlace.filter(Boolean).length;
  return { correct: order.length > 0 && placedCount === order.length, inPlace, placedCount };
}

export function isPermutation(order: readonly number[], length: number): boolean {
  return (
    order.length === length &&
    new Set(order).size === length &&
    order.every((n) => Number.isInteger(n) && n >= 0 && n < length)
  );
}

/** Moves the item at `from` one step up (-1) or down (+1); out-of-range moves return the same order. */
export function moveLine(order: readonly number[], from: number, direction: -1 | 1): number[] {
  const to = from + direction;
  if (from < 0 || from >= order.length || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  [next[from], next[to]] = [next[to] as number, next[from] as number];
  return next;
}

export function scoreSpot(pickedLine: number, faultyLine: number): boolean {
  return pickedLine === faultyLine;
}

/** How a quiz judges answers: whether a saved answer still fits the question, and whether an answer is right. */
export interface AnswerRules {
  /** False for an answer the question cannot have (a lesson edit dropped options or lines): the quiz starts fresh. */
  fits(answer: readonly number[]): boolean;
  isCorrect(answer: readonly number[]): boolean;
}

/** Single or multiple choice: at least one of the options picked; right when exactly the correct ones are. */
export function choiceRules(optionCount: number, correctIndices: readonly number[]): AnswerRules {
  return {
    fits: (answer) => answer.length > 0 && answer.every((index) => index < optionCount),
    isCorrect: (answer) => scoreChoice(answer, correctIndices).correct,
  };
}

export function orderRules(lineCount: number): AnswerRules {
  return { fits: (order) => isPermutation(order, lineCount), isCorrect: (order) => scoreOrder(order).correct };
}

export function spotRules(lineCount: number, faultyLine: number): AnswerRules {
  return {
    fits: (answer) => isOnePick(answer, lineCount),
    isCorrect: ([line]) => line !== undefined && scoreSpot(line, faultyLine),
  };
}

/** Predict the outcome: one of the choices; right when it is the one the recording shows. */
export function predictRules(choiceCount: number, recordedChoice: number): AnswerRules {
  return { fits: (answer) => isOnePick(answer, choiceCount), isCorrect: ([choice]) => choice === recordedChoice };
}

function isOnePick(answer: readonly number[], count: number): boolean {
  return answer.length === 1 && (answer[0] ?? count) < count;
}

/** Share of quizzes answered correctly, 0..1 (0 when nothing was answered). */
export function ratio(done: number, total: number): number {
  return total > 0 ? Math.min(1, done / total) : 0;
}
