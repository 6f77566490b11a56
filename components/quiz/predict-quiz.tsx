"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import styles from "./quiz.module.css";
import { useAnnouncer, useFocusAfter, useQuizRecord } from "./use-quiz";

export interface PredictQuizProps {
  lesson: string;
  id: string;
  question: string;
  choices: string[];
  /** Index of the choice the recording shows, resolved on the server from the recordings manifest. */
  answer: number;
  /** Where the answer comes from (the recorded fact), shown with the reveal. */
  evidence: string;
  explanation?: ReactNode;
}

/** Commit to a prediction before watching a sandbox run; the measured result is then revealed. */
export function PredictQuiz({ lesson, id, question, choices, answer, evidence, explanation }: PredictQuizProps) {
  const domId = useId();
  const { record, recordQuiz } = useQuizRecord(lesson, id);
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const restored = record?.kind === "PredictOutcome" && record.answer.length === 1 && (record.answer[0] ?? -1) < choices.length ? record.answer[0] : undefined;
  const revealed = draft === undefined && restored !== undefined;
  const picked = draft === undefined ? restored : draft;
  const correct = revealed ? picked === answer : null;
  const { announcement, announce } = useAnnouncer();
  const [retryRef, requestRetryFocus] = useFocusAfter(revealed);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (picked === undefined || picked === null) return;
    setDraft(undefined);
    requestRetryFocus();
    recordQuiz({ lesson, id, kind: "PredictOutcome", answer: [picked], correct: picked === answer });
    announce(picked === answer ? `You predicted right: ${choices[answer]}.` : `The recording shows ${choices[answer]}, not ${choices[picked]}.`);
  }

  return (
    <section className={styles.quiz} aria-labelledby={`${domId}-q`} data-quiz={id}>
      <p className={styles.kind} aria-hidden="true">
        Predict the outcome
      </p>
      <form onSubmit={submit}>
        <fieldset className={styles.fieldset} disabled={revealed}>
          <legend id={`${domId}-q`} className={styles.question}>
            {question}
          </legend>
          <p className={styles.hint}>Commit to a prediction before you watch the run.</p>
          <ul className={styles.options}>
            {choices.map((choice, index) => {
              const state = correct !== null ? (index === answer ? styles.correct : picked === index ? styles.wrong : "") : "";
              return (
                <li key={choice} className={`${styles.option} ${state}`}>
                  <label className={styles.optionLabel}>
                    <input type="radio" name={domId} value={index} checked={picked === index} onChange={() => setDraft(index)} />
                    <span>
                      <code>{choice}</code>
                      {correct !== null && index === answer ? <span className={styles.mark}> (what the recording shows)</span> : null}
                      {revealed && picked === index ? <span className={styles.mark}> (your prediction)</span> : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className={styles.actions}>
          {revealed ? (
            <button type="button" ref={retryRef} className={`${styles.button} ${styles.secondary}`} onClick={() => setDraft(null)}>
              Predict again
            </button>
          ) : (
            <button type="submit" className={styles.button} disabled={picked === undefined || picked === null}>
              Lock in prediction
            </button>
          )}
        </div>
        {revealed ? (
          <div className={styles.result}>
            <p className={styles.resultTitle}>{correct ? "You predicted right!" : `The recording shows ${choices[answer]}.`}</p>
            {explanation ? <p>{explanation}</p> : null}
            <p className={styles.hint}>Source: {evidence}</p>
          </div>
        ) : null}
        <p role="status" className={styles.srOnly}>
          {announcement}
        </p>
      </form>
    </section>
  );
}
