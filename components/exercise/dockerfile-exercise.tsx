import { loadExercise } from "@/lib/exercise/exercises.server";
import { labReference } from "@/lib/lab/checks";
import { loadManifest } from "@/lib/recordings/manifest.server";
import { ExerciseLoader } from "./exercise-loader";
import { ExerciseActions, ExerciseLayout, LabPanelFrame, RunnerForm, StartingDockerfile } from "./exercise-parts";
import styles from "./exercise.module.css";
import { WhatARunChecks } from "./what-a-run-checks";

/**
 * `<DockerfileExercise id="fix-naive" />` in a lesson: an editor prefilled with the exercise's real
 * starting Dockerfile, static checks in the browser, and what a real run on the learner's engine
 * would measure. The Dockerfiles and the recorded values are read here, while the lesson prerenders.
 * The block is server-rendered whole, its controls disabled, so it reads the same before the
 * interactive island (a lazy chunk) takes its place near the viewport.
 */
export function DockerfileExercise({ id }: { id: string }) {
  const exercise = loadExercise(id);
  const whatARunChecks = <WhatARunChecks rows={labReference(loadManifest())} />;
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
      <ExerciseLoader
        id={exercise.id}
        lesson={exercise.lesson}
        title={exercise.title}
        start={exercise.startText}
        model={exercise.modelText}
        whatARunChecks={whatARunChecks}
        className={styles.island}
        errorClassName={styles.error}
      >
        <ExerciseLayout
          hintId={`exercise-${id}-keys`}
          start={exercise.startText}
          editor={<StartingDockerfile title={exercise.title} text={exercise.startText} />}
          actions={<ExerciseActions canCheck={false} />}
          lab={
            <LabPanelFrame>
              <RunnerForm />
              {whatARunChecks}
            </LabPanelFrame>
          }
        />
      </ExerciseLoader>
    </section>
  );
}
