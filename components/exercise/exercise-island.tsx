"use client";

import { useCallback, useEffect, useId, useReducer, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { LessonId } from "@/lib/content/lesson-id";
import { exerciseReducer, startExercise, viewExercise } from "@/lib/exercise/exercise";
import { quizKey } from "@/lib/quiz/types";
import { useProgress } from "@/lib/progress/use-progress";
import type { DockerfileEditorProps } from "./dockerfile-editor";
import { loadEditor, loadRules } from "./exercise-chunks";
import { ExerciseActions, ExerciseLayout, StartingDockerfile } from "./exercise-parts";
import { ExerciseResults } from "./exercise-results";
import { LabPanel } from "./lab-panel";
import styles from "./exercise.module.css";

export interface ExerciseIslandProps {
  id: string;
  lesson: LessonId;
  title: string;
  /** The starting Dockerfile, also server-rendered as the block's text until the editor loads. */
  start: string;
  /** The model answer, shown after an attempt. */
  model: string;
  /** What a real run checks, with the recordings' measured values: server-rendered markup for the lab panel. */
  whatARunChecks: ReactNode;
}

/**
 * The interactive exercise, a lazy chunk of its own (./exercise-loader.tsx loads it near the
 * viewport). It shows the starting Dockerfile as text until CodeMirror arrives, then the editor takes
 * the text's place in a frame of the same size.
 */
export function ExerciseIsland({ id, lesson, title, start, model, whatARunChecks }: ExerciseIslandProps) {
  const domId = useId();
  const checkButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const [Editor, setEditor] = useState<ComponentType<DockerfileEditorProps> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [state, dispatch] = useReducer(exerciseReducer, start, startExercise);
  const key = quizKey(lesson, id);
  const savedAttempts = useProgress((progress) => progress.exercises[key]?.attempts ?? 0);
  const recordExerciseCheck = useProgress((progress) => progress.recordExerciseCheck);
  const recordExerciseRun = useProgress((progress) => progress.recordExerciseRun);
  const view = viewExercise(state, savedAttempts);

  useEffect(() => {
    loadEditor().then(
      (component) => setEditor(() => component),
      (error: unknown) =>
        setLoadError(
          `The editor could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`,
        ),
    );
  }, []);

  async function check() {
    const text = state.text;
    setChecking(true);
    try {
      const rules = await loadRules();
      const analysis = rules.analyzeDockerfile(text);
      const grade = rules.gradeOf(analysis);
      dispatch({ type: "checked", text, analysis, grade });
      recordExerciseCheck({ lesson, id, grade });
    } catch (error) {
      setLoadError(
        `The checks could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`,
      );
    } finally {
      setChecking(false);
    }
  }

  const onChange = useCallback((text: string) => dispatch({ type: "edit", text }), []);
  // Escape leaves the editor for the first button that can take focus (Check is disabled while the editor is empty).
  const onEscape = useCallback(
    () => (checkButton.current?.disabled ? resetButton.current : checkButton.current)?.focus(),
    [],
  );

  return (
    <ExerciseLayout
      hintId={`${domId}-keys`}
      start={start}
      editor={
        Editor ? (
          <Editor
            value={state.text}
            onChange={onChange}
            label={`${title}: Dockerfile editor`}
            describedBy={`${domId}-keys`}
            onEscape={onEscape}
          />
        ) : (
          <StartingDockerfile title={title} text={state.text} />
        )
      }
      error={
        loadError && (
          <p role="alert" className={styles.error}>
            {loadError}
          </p>
        )
      }
      actions={
        <ExerciseActions
          canCheck={view.canCheck && !checking}
          onCheck={check}
          onReset={() => dispatch({ type: "reset", start })}
          checkRef={checkButton}
          resetRef={resetButton}
        >
          {view.modelAvailable && (
            <button
              type="button"
              className={`${styles.button} ${styles.secondary}`}
              aria-expanded={state.modelShown}
              aria-controls={`${domId}-model`}
              onClick={() => dispatch(state.modelShown ? { type: "hideModel" } : { type: "showModel", savedAttempts })}
            >
              {state.modelShown ? "Hide the model answer" : "Show a model answer"}
            </button>
          )}
        </ExerciseActions>
      }
      results={
        state.check && (
          <ExerciseResults
            analysis={state.check.analysis}
            grade={state.check.grade}
            stale={view.stale}
            attempts={Math.max(state.attempts, savedAttempts)}
            lesson={lesson}
          />
        )
      }
      model={
        state.modelShown && (
          <div id={`${domId}-model`} className={styles.model}>
            <h3 className={styles.modelTitle}>A model answer: the optimized Dockerfile the recorder builds</h3>
            <pre className={styles.modelText} tabIndex={0} aria-label="The model answer">
              {model}
            </pre>
          </div>
        )
      }
      lab={
        <LabPanel
          dockerfile={state.text}
          whatARunChecks={whatARunChecks}
          onGraded={(grade) => recordExerciseRun({ lesson, id, grade })}
        />
      }
    />
  );
}
