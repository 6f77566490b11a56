import type { CSSProperties, FormEvent, ReactNode, Ref } from "react";
import { DEFAULT_LAB_PORT, LAB_COMMAND } from "@/lib/lab/checks";
import styles from "./exercise.module.css";
import labStyles from "./lab-panel.module.css";

/*
 * The exercise's markup, shared by the server-rendered block (before its code loads) and the
 * interactive island that replaces it, so that the swap moves nothing on the page: a reader who
 * jumped to a heading below the exercise stays where they are. Without handlers, the controls are
 * rendered disabled.
 */

export interface ExerciseLayoutProps {
  /** The id of the hint that the editor is described by. */
  hintId: string;
  /** The starting Dockerfile: the editor's frame is as tall as its lines, before and after the editor loads. */
  start: string;
  editor: ReactNode;
  error?: ReactNode;
  actions: ReactNode;
  results?: ReactNode;
  model?: ReactNode;
  lab: ReactNode;
}

export function ExerciseLayout({ hintId, start, editor, error, actions, results, model, lab }: ExerciseLayoutProps) {
  return (
    <>
      <p id={hintId} className={styles.hint}>
        Edit the Dockerfile, then check it. In the editor, Tab and Escape move on to the buttons.
      </p>
      <div className={styles.editorFrame} style={{ "--lines": start.split("\n").length } as CSSProperties}>
        {editor}
      </div>
      {error}
      <div className={styles.actions}>{actions}</div>
      <div aria-live="polite">{results}</div>
      {model}
      {lab}
    </>
  );
}

/** The starting Dockerfile as text, in the editor's place until CodeMirror has loaded. */
export function StartingDockerfile({ title, text }: { title: string; text: string }) {
  return (
    <pre
      className={styles.placeholder}
      data-exercise-placeholder
      tabIndex={0}
      aria-label={`${title}: the starting Dockerfile`}
    >
      {text}
    </pre>
  );
}

export interface ExerciseActionsProps {
  canCheck: boolean;
  onCheck?: () => void;
  onReset?: () => void;
  checkRef?: Ref<HTMLButtonElement>;
  resetRef?: Ref<HTMLButtonElement>;
  /** The model answer's toggle, once there has been an attempt. */
  children?: ReactNode;
}

export function ExerciseActions({ canCheck, onCheck, onReset, checkRef, resetRef, children }: ExerciseActionsProps) {
  return (
    <>
      <button ref={checkRef} type="button" className={styles.button} onClick={onCheck} disabled={!onCheck || !canCheck}>
        Check my Dockerfile
      </button>
      <button
        ref={resetRef}
        type="button"
        className={`${styles.button} ${styles.secondary}`}
        onClick={onReset}
        disabled={!onReset}
      >
        Reset
      </button>
      {children}
    </>
  );
}

export function LabPanelFrame({ children }: { children: ReactNode }) {
  return (
    <section className={labStyles.panel} aria-labelledby="lab-panel-title">
      <h3 id="lab-panel-title" className={labStyles.title}>
        Grade it on your own Docker engine
      </h3>
      {children}
    </section>
  );
}

export interface RunnerFormProps {
  url?: string;
  onUrlChange?: (url: string) => void;
  onSubmit?: (event: FormEvent) => void;
  connecting?: boolean;
  /** Why the last URL was refused or the runner did not answer. */
  error?: ReactNode;
}

/** Where the learner pastes the URL `npm run lab` prints. */
export function RunnerForm({ url = "", onUrlChange, onSubmit, connecting = false, error }: RunnerFormProps) {
  return (
    <form className={labStyles.connect} onSubmit={onSubmit}>
      <label htmlFor="lab-runner-url">
        Run <code>{LAB_COMMAND}</code> in the course&apos;s folder, then paste the URL it prints:
      </label>
      <div className={labStyles.row}>
        <input
          id="lab-runner-url"
          className={labStyles.input}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={`http://127.0.0.1:${DEFAULT_LAB_PORT}/?token=…`}
          value={url}
          onChange={onUrlChange && ((event) => onUrlChange(event.target.value))}
          disabled={!onUrlChange}
          aria-describedby={error ? "lab-runner-url-error" : undefined}
        />
        <button type="submit" className={labStyles.button} disabled={!onSubmit || connecting}>
          {connecting ? "Connecting…" : "Connect"}
        </button>
      </div>
      {error && (
        <p id="lab-runner-url-error" className={labStyles.error} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
