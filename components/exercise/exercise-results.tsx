import { IntentLink } from "@/components/layout/intent-link";
import type { LessonId } from "@/lib/content/lesson-id";
import type { Grade } from "@/lib/exercise/grade";
import type { Analysis } from "@/lib/exercise/rules";
import styles from "./exercise.module.css";

export interface ExerciseResultsProps {
  analysis: Analysis;
  grade: Grade;
  /** The editor changed since this check. */
  stale: boolean;
  attempts: number;
  lesson: LessonId;
}

/** The last check: the problems that kept the text from being read, or every rule with its findings. */
export function ExerciseResults({ analysis, grade, stale, attempts, lesson }: ExerciseResultsProps) {
  const attemptText = `${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;
  if (!analysis.ok) {
    return (
      <div className={styles.results} data-exercise-results>
        <p className={styles.summary}>
          This is not a Dockerfile Docker would build yet, so no check could run ({attemptText}):
        </p>
        <ul className={styles.problems}>
          {analysis.problems.map((problem) => (
            <li key={`${problem.line}:${problem.message}`}>
              <strong>Line {problem.line}:</strong> {problem.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const solved = grade.passed === grade.total;
  return (
    <div className={styles.results} data-exercise-results>
      <p className={styles.summary}>
        {solved
          ? `Every static check passes (${grade.passed} of ${grade.total}).`
          : `${grade.passed} of ${grade.total} static checks pass.`}{" "}
        <span className={styles.muted}>({attemptText})</span>
      </p>
      {stale && <p className={styles.muted}>You have edited the Dockerfile since this check; check it again.</p>}
      <ul className={styles.rules}>
        {analysis.results.map((result) => {
          const passed = result.findings.length === 0;
          return (
            <li key={result.rule} className={passed ? styles.pass : styles.fail} data-rule={result.rule}>
              <span className={styles.verdict}>{passed ? "✓ Pass" : "✗ Fail"}</span> {result.title}
              {!passed && (
                <ul className={styles.findings}>
                  {result.findings.map((finding) => (
                    <li key={`${finding.line}:${finding.message}`}>
                      <strong>Line {finding.line}:</strong> {finding.message}{" "}
                      <span className={styles.checkId}>
                        ({finding.checkId}){" "}
                        <IntentLink href={`/learn/${lesson}#${result.section}`}>Why, in the lesson</IntentLink>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
