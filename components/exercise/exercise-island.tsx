"use client";

import {
  useCallback,
  useEffect,
  useId,
  useReducer,
  useRef,
  useState,
  type ComponentType,
  type CSSProperties,
} from "react";
import type { LessonId } from "@/lib/content/lesson-id";
import { exerciseReducer, startExercise, viewExercise } from "@/lib/exercise/exercise";
import { quizKey } from "@/lib/quiz/types";
import { useProgress } from "@/lib/progress/use-progress";
import type { DockerfileEditorProps } from "./dockerfile-editor";
import { ExerciseResults } from "./exercise-results";
import { LabPanel } from "./lab-panel";
import type { LabReferenceRow } from "@/lib/lab/checks";
import styles from "./exercise.module.css";

export interface ExerciseIslandProps {
  id: string;
  lesson: LessonId;
  title: string;
  /** The starting Dockerfile, also server-rendered as the block's text until the editor loads. */
  start: string;
  /** The model answer, shown after an attempt. */
  model: string;
  /** What the recordings measured for each check a real run makes (read from the manifest at prerender). */
  reference: LabReferenceRow[];
}

type Rules = typeof import("@/lib/exercise/rules");

/** Both lazy chunks: CodeMirror and the rules (dockerfile-ast). Neither is part of the lesson's first load. */
const loadEditor = () => import("./dockerfile-editor").then((module) => module.DockerfileEditor);
let rulesChunk: Promise<Rules> | undefined;
const loadRules = () => (rulesChunk ??= import("@/lib/exercise/rules"));

/**
 * The exercise island. Until the block comes within a screen or two of the viewport it shows the
 * starting Dockerfile as server-rendered text in a frame of the editor's size; then CodeMirror and the
 * rules load and the editor takes the text's place without moving anything around it.
 */
export function ExerciseIsland({ id, lesson, title, start, model, reference }: ExerciseIslandProps) {
  const domId = useId();
  const root = useRef<HTMLDivElement>(null);
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

  const load = useCallback(() => {
    loadEditor().then(
      (component) => setEditor(() => component),
      (error: unknown) =>
        setLoadError(
          `The editor could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`,
        ),
    );
    void loadRules().catch(() => undefined);
  }, []);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          load();
          observer.disconnect();
        }
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [load]);

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
  const lines = start.split("\n").length;
  const editorLabel = `${title}: Dockerfile editor`;

  return (
    <div ref={root} className={styles.island}>
      <p id={`${domId}-keys`} className={styles.hint}>
        Edit the Dockerfile, then check it. In the editor, Tab and Escape move on to the buttons.
      </p>
      <div className={styles.editorFrame} style={{ "--lines": lines } as CSSProperties}>
        {Editor ? (
          <Editor
            value={state.text}
            onChange={onChange}
            label={editorLabel}
            describedBy={`${domId}-keys`}
            onEscape={onEscape}
          />
        ) : (
          <pre
            className={styles.placeholder}
            data-exercise-placeholder
            tabIndex={0}
            aria-label={`${title}: the starting Dockerfile`}
          >
            {state.text}
          </pre>
        )}
      </div>
      {loadError && (
        <p role="alert" className={styles.error}>
          {loadError}
        </p>
      )}
      <div className={styles.actions}>
        <button
          ref={checkButton}
          type="button"
          className={styles.button}
          onClick={check}
          disabled={!view.canCheck || checking}
        >
          Check my Dockerfile
        </button>
        <button
          ref={resetButton}
          type="button"
          className={`${styles.button} ${styles.secondary}`}
          onClick={() => dispatch({ type: "reset", start })}
        >
          Reset
        </button>
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
      </div>
      <div aria-live="polite">
        {state.check && (
          <ExerciseResults
            analysis={state.check.analysis}
            grade={state.check.grade}
            stale={view.stale}
            attempts={Math.max(state.attempts, savedAttempts)}
            lesson={lesson}
          />
        )}
      </div>
      {state.modelShown && (
        <div id={`${domId}-model`} className={styles.model}>
          <h3 className={styles.modelTitle}>A model answer: the optimized Dockerfile the recorder builds</h3>
          <pre className={styles.modelText} tabIndex={0} aria-label="The model answer">
            {model}
          </pre>
        </div>
      )}
      <LabPanel
        dockerfile={state.text}
        reference={reference}
        onGraded={(grade) => recordExerciseRun({ lesson, id, grade })}
      />
    </div>
  );
}
