"use client";

import { IntentLink } from "@/components/layout/intent-link";
import { useId } from "react";
import { EXERCISES, type ExerciseId } from "@/lib/exercise/catalogue";
import type { Grade } from "@/lib/exercise/grade";
import { quizKey } from "@/lib/quiz/types";
import { useProgress } from "@/lib/progress/use-progress";
import styles from "@/components/exercise/exercise.module.css";

const gradeText = (grade: Grade | undefined, none: string) =>
  grade ? `${grade.passed} of ${grade.total} checks` : none;

/** Each Dockerfile exercise's attempts and best grades, on the progress page. */
export function ExerciseProgress() {
  const domId = useId();
  const exercises = useProgress((state) => state.exercises);
  return (
    <section aria-labelledby={`${domId}-exercises`}>
      <h2 id={`${domId}-exercises`}>Exercises</h2>
      <div className={styles.tableWrap}>
        <table className={styles.labTable}>
          <thead>
            <tr>
              <th scope="col">Exercise</th>
              <th scope="col">Attempts</th>
              <th scope="col">Best static check</th>
              <th scope="col">Best run on your engine</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(EXERCISES) as ExerciseId[]).map((id) => {
              const exercise = EXERCISES[id];
              const record = exercises[quizKey(exercise.lesson, id)];
              return (
                <tr key={id} data-exercise={id}>
                  <th scope="row">
                    <IntentLink href={`/learn/${exercise.lesson}#exercise-${id}`}>{exercise.title}</IntentLink>
                  </th>
                  <td>{record?.attempts ?? 0}</td>
                  <td>{gradeText(record?.bestCheck, "not checked yet")}</td>
                  <td>{gradeText(record?.bestRun, "not run yet")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
