import { describe, expect, it } from "vitest";
import {
  attemptReducer,
  FRESH_ATTEMPT,
  NOTHING_PICKED,
  savedAnswer,
  viewAttempt,
  type AttemptAction,
  type AttemptState,
} from "./attempt";
import { spotRules } from "./scoring";

/** Spot the problem in a three-line listing whose last line is at fault. */
const rules = spotRules(3, 2);
const run = (...actions: AttemptAction[]): AttemptState => actions.reduce(attemptReducer, FRESH_ATTEMPT);

describe("a quiz attempt", () => {
  it("starts from the starting answer with nothing to check, or shows the saved answer with its verdict", () => {
    expect(viewAttempt(FRESH_ATTEMPT, undefined, NOTHING_PICKED, rules)).toEqual({
      answer: [],
      submitted: false,
      correct: null,
      revealed: false,
      justSubmitted: false,
      canSubmit: false,
    });
    expect(viewAttempt(FRESH_ATTEMPT, undefined, [1, 0], rules)).toMatchObject({
      answer: [1, 0],
      submitted: false,
      canSubmit: true,
    });
    const restored = viewAttempt(FRESH_ATTEMPT, [2], NOTHING_PICKED, rules);
    expect(restored).toMatchObject({
      answer: [2],
      submitted: true,
      correct: true,
      revealed: true,
      justSubmitted: false,
    });
    expect(viewAttempt(FRESH_ATTEMPT, [1], NOTHING_PICKED, rules)).toMatchObject({
      answer: [1],
      submitted: true,
      correct: false,
      revealed: false,
    });
  });

  it("edits a draft over the saved answer, and shows the saved answer again once submitted", () => {
    const editing = run({ type: "edit", answer: [1] });
    expect(viewAttempt(editing, [2], NOTHING_PICKED, rules)).toMatchObject({
      answer: [1],
      submitted: false,
      correct: null,
      canSubmit: true,
    });
    const submitted = attemptReducer(editing, { type: "submitted" });
    expect(submitted).toEqual({ draft: null, answerShown: false, justSubmitted: true });
    // By now the store holds the answer just submitted.
    expect(viewAttempt(submitted, [1], NOTHING_PICKED, rules)).toMatchObject({
      answer: [1],
      submitted: true,
      correct: false,
      justSubmitted: true,
    });
  });

  it("reveals the right answer after a wrong one only on request, and forgets the request on retry", () => {
    const shown = run({ type: "submitted" }, { type: "showAnswer" });
    expect(viewAttempt(shown, [1], NOTHING_PICKED, rules).revealed).toBe(true);
    const retry = attemptReducer(shown, { type: "retry", answer: NOTHING_PICKED });
    expect(retry).toEqual({ draft: [], answerShown: false, justSubmitted: false });
    const again = viewAttempt(retry, [1], NOTHING_PICKED, rules);
    expect(again).toMatchObject({
      answer: [],
      submitted: false,
      revealed: false,
      justSubmitted: false,
      canSubmit: false,
    });
    expect(viewAttempt(attemptReducer(retry, { type: "submitted" }), [1], NOTHING_PICKED, rules).revealed).toBe(false);
  });

  it("can retry from the answer as it stands (order-the-lines keeps its order)", () => {
    expect(viewAttempt(run({ type: "retry", answer: [2, 0, 1] }), [2, 0, 1], [1, 2, 0], rules)).toMatchObject({
      answer: [2, 0, 1],
      submitted: false,
    });
  });

  it("restores only an answer given to the same kind of quiz that still fits the question", () => {
    expect(savedAnswer({ kind: "SpotTheProblem", answer: [2] }, "SpotTheProblem", rules)).toEqual([2]);
    expect(savedAnswer({ kind: "SingleChoice", answer: [2] }, "SpotTheProblem", rules)).toBeUndefined();
    expect(savedAnswer({ kind: "SpotTheProblem", answer: [3] }, "SpotTheProblem", rules)).toBeUndefined();
    expect(savedAnswer({ kind: "SpotTheProblem", answer: [0, 1] }, "SpotTheProblem", rules)).toBeUndefined();
    expect(savedAnswer(undefined, "SpotTheProblem", rules)).toBeUndefined();
  });
});
