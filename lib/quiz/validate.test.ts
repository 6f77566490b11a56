import { describe, expect, it } from "vitest";
import { validateQuiz } from "./validate";

const SOURCE = "content/ch/lesson.mdx:42";
const option = (correct: boolean, hasExplanation = true) => ({ correct, hasLabel: true, hasExplanation });

describe("validateQuiz", () => {
  it("accepts well-formed quizzes of every kind", () => {
    expect(() =>
      validateQuiz("SingleChoice", { id: "a", source: SOURCE, question: "Q?", options: [option(true), option(false)] }),
    ).not.toThrow();
    expect(() =>
      validateQuiz("MultipleChoice", {
        id: "a",
        source: SOURCE,
        question: "Q?",
        options: [option(true), option(true), option(false)],
      }),
    ).not.toThrow();
    expect(() =>
      validateQuiz("OrderLines", { id: "a", source: SOURCE, question: "Q?", lines: ["FROM x", "RUN y"] }),
    ).not.toThrow();
    expect(() =>
      validateQuiz("SpotTheProblem", {
        id: "a",
        source: SOURCE,
        question: "Q?",
        code: "FROM x\nRUN y",
        answer: 2,
        explanation: "Because.",
        notes: { "1": "Fine." },
      }),
    ).not.toThrow();
    expect(() =>
      validateQuiz("PredictOutcome", {
        id: "a",
        source: SOURCE,
        question: "Q?",
        fact: "naiveExitCode",
        choices: ["0", "137"],
      }),
    ).not.toThrow();
  });

  it("fails a question without a correct answer, naming the file, line and id", () => {
    expect(() =>
      validateQuiz("SingleChoice", {
        id: "base-image",
        source: SOURCE,
        question: "Q?",
        options: [option(false), option(false)],
      }),
    ).toThrow(
      'content/ch/lesson.mdx:42: quiz "base-image" (<SingleChoice>) has no correct answer: mark one <Option correct>',
    );
    expect(() =>
      validateQuiz("MultipleChoice", {
        id: "m",
        source: SOURCE,
        question: "Q?",
        options: [option(false), option(false)],
      }),
    ).toThrow(/quiz "m" \(<MultipleChoice>\) has no correct answer/);
  });

  it("fails a single choice with two correct options and an option without explanation", () => {
    expect(() =>
      validateQuiz("SingleChoice", { id: "s", source: SOURCE, question: "Q?", options: [option(true), option(true)] }),
    ).toThrow(/has 2 correct options/);
    expect(() =>
      validateQuiz("SingleChoice", {
        id: "s",
        source: SOURCE,
        question: "Q?",
        options: [option(true), option(false, false)],
      }),
    ).toThrow(/every <Option> needs an explanation/);
  });

  it("fails malformed order, spot and predict questions with the field at fault", () => {
    expect(() =>
      validateQuiz("OrderLines", { id: "o", source: SOURCE, question: "Q?", lines: ["same", "same"] }),
    ).toThrow(/lines: has duplicate lines/);
    expect(() =>
      validateQuiz("SpotTheProblem", {
        id: "p",
        source: SOURCE,
        question: "Q?",
        code: "a\nb",
        answer: 3,
        explanation: "x",
      }),
    ).toThrow(/answer: answer is line 3 but the code has 2 lines/);
    expect(() =>
      validateQuiz("PredictOutcome", {
        id: "f",
        source: SOURCE,
        question: "Q?",
        fact: "scenarios.stop-naive.exitCode",
        choices: ["0", "1"],
      }),
    ).toThrow(/fact: fact must name a recorded fact/);
  });
});
