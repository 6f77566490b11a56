/**
 * A grade: checks passed out of checks run, from the static rules (./rules.ts) or a real run on the
 * learner's engine. Kept apart from the rules so the progress store and the islands can use it without
 * loading the Dockerfile parser.
 */
export interface Grade {
  passed: number;
  total: number;
}

/** The better of two grades, by the share of checks passed (a run and a static check have different totals). */
export function betterGrade(a: Grade | undefined, b: Grade): Grade {
  if (!a) return b;
  return b.passed * a.total > a.passed * b.total ? b : a;
}
