import type { ReactNode } from "react";
import styles from "./quiz.module.css";
import type { QuizAttempt } from "./use-quiz-attempt";

export interface QuizFrameProps {
  /** The question's id in the lesson (`data-quiz`, for tests and deep links). */
  id: string;
  /** From `useId`: the question is `${domId}-q` and names the quiz. */
  domId: string;
  kindLabel: string;
  children: ReactNode;
}

/**
 * The box around every quiz: what kind it is, named by its question. The kind is drawn by CSS from data-kind (see
 * quiz.module.css): it is decoration that screen readers skip, and needs no element of its own.
 */
export function QuizFrame({ id, domId, kindLabel, children }: QuizFrameProps) {
  return (
    <section className={styles.quiz} aria-labelledby={`${domId}-q`} data-quiz={id} data-kind={kindLabel}>
      {children}
    </section>
  );
}

export interface QuizFormProps {
  domId: string;
  question: string;
  attempt: QuizAttempt;
  onSubmit: () => void;
  /** The inputs, under the question. */
  children: ReactNode;
  /** The `QuizFooter`, after the inputs. */
  footer: ReactNode;
}

/** A quiz answered with form inputs: the question is their legend, and they lock while a submitted answer is shown. */
export function QuizForm({ domId, question, attempt, onSubmit, children, footer }: QuizFormProps) {
  return (
    <form
      onSubmit={
        attempt.interactive
          ? (event) => {
              event.preventDefault();
              onSubmit();
            }
          : undefined
      }
    >
      <fieldset className={styles.fieldset} disabled={attempt.submitted || !attempt.interactive}>
        <legend id={`${domId}-q`} className={styles.question}>
          {question}
        </legend>
        {children}
      </fieldset>
      {footer}
    </form>
  );
}
