import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXERCISES } from "./catalogue";
import { loadExercise } from "./exercises.server";
import { analyzeDockerfile, gradeOf } from "./rules";

describe("the exercise catalogue", () => {
  it("reads each exercise's real starting and model Dockerfiles; the model passes every check, the start does not", () => {
    for (const id of Object.keys(EXERCISES)) {
      const exercise = loadExercise(id);
      expect(exercise.startText).toBe(readFileSync(exercise.start, "utf8"));
      expect(exercise.modelText).toBe(readFileSync(exercise.model, "utf8"));
      const model = gradeOf(analyzeDockerfile(exercise.modelText));
      expect(model.passed).toBe(model.total);
      const start = gradeOf(analyzeDockerfile(exercise.startText));
      expect(start.passed).toBeLessThan(start.total);
    }
  });

  it("fails naming the known exercises for an unknown id", () => {
    expect(() => loadExercise("fix-everything")).toThrow(
      '<DockerfileExercise id="fix-everything"> is not a known exercise; known: fix-naive',
    );
    expect(() => loadExercise("toString")).toThrow(/is not a known exercise/);
  });
});
