import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lookupFact, resolvePath } from "./facts.server";
import { validateQuiz } from "./validate";

const SOURCE = "content/ch/lesson.mdx:42";
const option = (correct: boolean, hasExplanation = true) => ({ correct, hasLabel: true, hasExplanation });

describe("validateQuiz", () => {
  it("accepts well-formed quizzes of every kind", () => {
    expect(() => validateQuiz("SingleChoice", { id: "a", source: SOURCE, question: "Q?", options: [option(true), option(false)] })).not.toThrow();
    expect(() => validateQuiz("MultipleChoice", { id: "a", source: SOURCE, question: "Q?", options: [option(true), option(true), option(false)] })).not.toThrow();
    expect(() => validateQuiz("OrderLines", { id: "a", source: SOURCE, question: "Q?", lines: ["FROM x", "RUN y"] })).not.toThrow();
    expect(() => validateQuiz("SpotTheProblem", { id: "a", source: SOURCE, question: "Q?", code: "FROM x\nRUN y", answer: 2, explanation: "Because.", notes: { "1": "Fine." } })).not.toThrow();
    expect(() => validateQuiz("PredictOutcome", { id: "a", source: SOURCE, question: "Q?", fact: "recordings.stop.exitCode", choices: ["0", "137"] })).not.toThrow();
  });

  it("fails a question without a correct answer, naming the file, line and id", () => {
    expect(() => validateQuiz("SingleChoice", { id: "base-image", source: SOURCE, question: "Q?", options: [option(false), option(false)] })).toThrow(
      'content/ch/lesson.mdx:42: quiz "base-image" (<SingleChoice>) has no correct answer: mark one <Option correct>',
    );
    expect(() => validateQuiz("MultipleChoice", { id: "m", source: SOURCE, question: "Q?", options: [option(false), option(false)] })).toThrow(/quiz "m" \(<MultipleChoice>\) has no correct answer/);
  });

  it("fails a single choice with two correct options and an option without explanation", () => {
    expect(() => validateQuiz("SingleChoice", { id: "s", source: SOURCE, question: "Q?", options: [option(true), option(true)] })).toThrow(/has 2 correct options/);
    expect(() => validateQuiz("SingleChoice", { id: "s", source: SOURCE, question: "Q?", options: [option(true), option(false, false)] })).toThrow(/every <Option> needs an explanation/);
  });

  it("fails malformed order, spot and predict questions with the field at fault", () => {
    expect(() => validateQuiz("OrderLines", { id: "o", source: SOURCE, question: "Q?", lines: ["same", "same"] })).toThrow(/lines: has duplicate lines/);
    expect(() => validateQuiz("SpotTheProblem", { id: "p", source: SOURCE, question: "Q?", code: "a\nb", answer: 3, explanation: "x" })).toThrow(/answer: answer is line 3 but the code has 2 lines/);
    expect(() => validateQuiz("PredictOutcome", { id: "f", source: SOURCE, question: "Q?", fact: "exitCode", choices: ["0", "1"] })).toThrow(/fact: fact must be a dotted path/);
  });
});

describe("manifest facts", () => {
  const manifest = {
    recordings: [
      { id: "stop-naive", stop: { exitCode: 137, seconds: 10.2 } },
      { id: "stop-optimized", stop: { exitCode: 0 } },
    ],
  };

  it("reads a value by key and by array element id", () => {
    expect(resolvePath(manifest, "recordings.stop-naive.stop.exitCode")).toEqual({ status: "found", value: "137" });
    expect(resolvePath(manifest, "recordings.1.stop.exitCode")).toEqual({ status: "found", value: "0" });
  });

  it("says what is missing", () => {
    expect(resolvePath(manifest, "recordings.stop-nope.stop.exitCode")).toEqual({ status: "missing", reason: 'the manifest has nothing at "recordings.stop-nope"' });
    expect(resolvePath(manifest, "recordings.stop-naive.stop")).toMatchObject({ status: "missing", reason: expect.stringMatching(/not a single value/) });
  });

  it("reports a missing manifest separately from a missing fact", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "facts-"));
    expect(lookupFact("a.b", path.join(dir, "manifest.json"))).toEqual({ status: "no-manifest" });
    writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
    expect(lookupFact("recordings.stop-optimized.stop.exitCode", path.join(dir, "manifest.json"))).toEqual({ status: "found", value: "0" });
    writeFileSync(path.join(dir, "bad.json"), "{");
    expect(lookupFact("a.b", path.join(dir, "bad.json"))).toMatchObject({ status: "missing", reason: expect.stringMatching(/not valid JSON/) });
  });
});
