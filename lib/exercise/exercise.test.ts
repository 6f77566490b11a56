import { describe, expect, it } from "vitest";
import { exerciseReducer, startExercise, viewExercise, type ExerciseAction } from "./exercise";
import { betterGrade } from "./grade";
import { analyzeDockerfile, gradeOf, RULE_IDS } from "./rules";

const naive = 'FROM node:20\nCOPY . .\nRUN npm install\nCMD ["npm", "start"]\n';
const fixed = [
  "FROM node:20.20.2-bookworm-slim",
  "WORKDIR /app",
  "COPY package.json package-lock.json ./",
  "RUN npm ci --omit=dev && npm cache clean --force",
  "COPY --chown=node:node dist ./dist",
  "USER node",
  'HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]',
  'CMD ["node", "dist/server.js"]',
].join("\n");
const run = (...actions: ExerciseAction[]) => actions.reduce(exerciseReducer, startExercise(naive));
const check = (text: string): ExerciseAction => {
  const analysis = analyzeDockerfile(text);
  return { type: "checked", text, analysis, grade: gradeOf(analysis) };
};

describe("a Dockerfile exercise", () => {
  it("starts on the starting Dockerfile with nothing checked and no model answer", () => {
    const state = startExercise(naive);
    expect(state).toEqual({ text: naive, check: null, attempts: 0, modelShown: false });
    expect(viewExercise(state, 0)).toEqual({
      grade: null,
      solved: false,
      stale: false,
      modelAvailable: false,
      canCheck: true,
    });
  });

  it("counts each check as an attempt and grades it", () => {
    const state = run(check(naive));
    expect(state.attempts).toBe(1);
    expect(viewExercise(state, 0)).toMatchObject({ grade: { passed: 2, total: RULE_IDS.length }, solved: false });
    const solved = run(check(naive), { type: "edit", text: fixed }, check(fixed));
    expect(solved.attempts).toBe(2);
    expect(viewExercise(solved, 0)).toMatchObject({ grade: { passed: RULE_IDS.length }, solved: true, stale: false });
  });

  it("marks the last check stale after an edit, and not after an edit back", () => {
    const edited = run({ type: "edit", text: fixed }, check(fixed), { type: "edit", text: `${fixed}\nEXPOSE 3000` });
    expect(viewExercise(edited, 0)).toMatchObject({ stale: true, solved: false });
    expect(viewExercise(exerciseReducer(edited, { type: "edit", text: fixed }), 0)).toMatchObject({
      stale: false,
      solved: true,
    });
  });

  it("offers the model answer only after an attempt, in this visit or a saved one", () => {
    const fresh = run({ type: "showModel", savedAttempts: 0 });
    expect(fresh.modelShown).toBe(false);
    expect(run({ type: "showModel", savedAttempts: 2 }).modelShown).toBe(true);
    expect(viewExercise(startExercise(naive), 2).modelAvailable).toBe(true);
    const shown = run(check(naive), { type: "showModel", savedAttempts: 0 });
    expect(shown.modelShown).toBe(true);
    expect(exerciseReducer(shown, { type: "hideModel" }).modelShown).toBe(false);
  });

  it("resets to the starting Dockerfile, dropping the check but keeping the attempts", () => {
    const state = run({ type: "edit", text: fixed }, check(fixed), { type: "reset", start: naive });
    expect(state).toMatchObject({ text: naive, check: null, attempts: 1 });
    expect(viewExercise(state, 0)).toMatchObject({ grade: null, modelAvailable: true });
  });

  it("cannot check an empty editor", () => {
    expect(viewExercise(run({ type: "edit", text: "  \n" }), 0).canCheck).toBe(false);
  });
});

describe("the better of two grades", () => {
  it("compares the share passed, so a run's and a static check's totals can differ", () => {
    expect(betterGrade(undefined, { passed: 1, total: 12 })).toEqual({ passed: 1, total: 12 });
    expect(betterGrade({ passed: 3, total: 12 }, { passed: 2, total: 5 })).toEqual({ passed: 2, total: 5 });
    expect(betterGrade({ passed: 6, total: 12 }, { passed: 2, total: 5 })).toEqual({ passed: 6, total: 12 });
    expect(betterGrade({ passed: 6, total: 12 }, { passed: 6, total: 12 })).toEqual({ passed: 6, total: 12 });
  });
});
