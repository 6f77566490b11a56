import { loadExercise } from "@/lib/exercise/exercises.server";
import { labReference } from "@/lib/lab/checks";
import { loadManifest } from "@/lib/recordings/manifest.server";
import { ExerciseIsland } from "./exercise-island";
import styles from "./exercise.module.css";

/**
 * `<DockerfileExercise id="fix-naive" />` in a lesson: an editor prefilled with the exercise's real
 * starting Dockerfile, static checks in the browser, and what a real run on the learner's engine
 * would measure. The Dockerfiles and the recorded values are read here, while the lesson prerenders.
 */
export function DockerfileExercise({ id }: { id: string }) {
  const exercise = loadExercise(id);
  return (
    <section className={styles.exercise} aria-labelledby={`exercise-${id}`}>
      <p className={styles.kind}>Exercise</p>
      <h3 id={`exercise-${id}`} className={styles.title}>
        {exercise.title}
      </h3>
      <p>
        Starting from <code>{exercise.start}</code>, fix every problem the checks find. They run in your browser on a
        real Dockerfile parser; each finding names its line, says why, and links to the part of the lesson that explains
        it.
      </p>
      <ExerciseIsland
        id={exercise.id}
        lesson={exercise.lesson}
        title={exercise.title}
        start={exercise.startText}
        model={exercise.modelText}
        reference={labReference(loadManifest())}
      />
    </section>
  );
}
