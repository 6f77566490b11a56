"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { scoreSpot } from "@/lib/quiz/scoring";
import styles from "./quiz.module.css";
import { useAnnouncer, useFocusAfter, useQuizRecord } from "./use-quiz";

export interface SpotProblemQuizProps {
  lesson: string;
  id: string;
  question: string;
  codeLines: string[];
  /** 0-based index of the faulty line. */
  faulty: number;
  explanation: ReactNode;
  /** Why a given (0-based) line is not the answer, shown when the learner picks it. */
  notes: Record<number, string>;
  title?: string;
}

/** "Click the faulty line": the listing is a radio group, one radio per line. */
export function SpotProblemQuiz({ lesson, id, question, codeLines, faulty, explanation, notes, title }: SpotProblemQuizProps) {
  const domId = useId();
  const { record, recordQuiz } = useQuizRecord(lesson, id);
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const restoredLine = record?.kind === "SpotTheProblem" && record.answer.length === 1 && (record.answer[0] ?? -1) < codeLines.length ? record.answer[0] : undefined;
  const submitted = draft === undefined && restoredLine !== undefined;
  const picked = draft === undefined ? restoredLine : draft;
  const correct = submitted && picked !== undefined && picked !== null ? scoreSpot(picked, faulty) : null;
  const { announcement, announce } = useAnnouncer();
  const [retryRef, requestRetryFocus] = useFocusAfter(submitted);
  const [showAnswer, setShowAnswer] = useState(false);
  const revealAll = correct === true || (correct === false && showAnswer);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (picked === undefined || picked === null) return;
    const ok = scoreSpot(picked, faulty);
    recordQuiz({ lesson, id, kind: "SpotTheProblem", answer: [picked], correct: ok });
    setDraft(undefined);
    setShowAnswer(false);
    requestRetryFocus();
    announce(ok ? `Correct: line ${picked + 1} is the problem.` : `Not that one: line ${picked + 1} is not the problem. The explanation is below; you can try again.`);
  }

  return (
    <section className={styles.quiz} aria-labelledby={`${domId}-q`} data-quiz={id}>
      <p className={styles.kind} aria-hidden="true">
        Quiz · spot the problem
      </p>
      <form onSubmit={submit}>
        <fieldset className={styles.fieldset} disabled={submitted}>
          <legend id={`${domId}-q`} className={styles.question}>
            {question}
          </legend>
          <p className={styles.hint}>Select the line at fault{title ? ` in ${title}` : ""}, then check.</p>
          <div className={styles.code}>
            {codeLines.map((line, index) => {
              const isPicked = picked === index;
              const state = correct !== null ? (index === faulty && revealAll ? styles.correct : isPicked && index !== faulty ? styles.wrong : "") : "";
              const note = correct !== null && isPicked && index !== faulty ? notes[index] : undefined;
              return (
                <div key={index}>
                  <label className={`${styles.codeLine} ${state}`}>
                    <input
                      type="radio"
                      className={styles.srOnly}
                      name={domId}
                      value={index}
                      checked={isPicked}
                      onChange={() => setDraft(index)}
                    />
                    <span className={styles.lineNo} aria-hidden="true">
                      {index + 1}
                    </span>
                    <span className={styles.srOnly}>Line {index + 1}: </span>
                    <span className={styles.codeText}>{line === "" ? " " : line}</span>
                    {revealAll && index === faulty ? <span className={styles.mark}> ← the problem</span> : null}
                    {correct !== null && isPicked && index !== faulty ? <span className={styles.mark}> ← your pick</span> : null}
                  </label>
                  {note ? <p className={styles.lineNote}>{note}</p> : null}
                </div>
              );
            })}
          </div>
        </fieldset>
        <div className={styles.actions}>
          {submitted ? (
            <>
              <button type="button" ref={retryRef} className={`${styles.button} ${styles.secondary}`} onClick={() => setDraft(null)}>
                Try again
              </button>
              {!revealAll ? (
                <button type="button" className={`${styles.button} ${styles.secondary}`} onClick={() => { setShowAnswer(true); announce(`The problem is line ${faulty + 1}. The explanation is shown below the listing.`); }}>
                  Show answer
                </button>
              ) : null}
            </>
          ) : (
            <button type="submit" className={styles.button} disabled={picked === undefined || picked === null}>
              Check line
            </button>
          )}
        </div>
        {correct !== null ? (
          <div className={styles.result}>
            <p className={styles.resultTitle}>{correct ? "Correct!" : `Not line ${(picked ?? 0) + 1}.`}</p>
            {revealAll ? <p>{explanation}</p> : <p>Look again for the line that causes what the question describes, then try again.</p>}
          </div>
        ) : null}
        <p role="status" className={styles.srOnly}>
          {announcement}
        </p>
      </form>
    </section>
  );
}
