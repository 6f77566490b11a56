"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { scoreChoice } from "@/lib/quiz/scoring";
import styles from "./quiz.module.css";
import { useAnnouncer, useFocusAfter, useQuizRecord } from "./use-quiz";

export interface ChoiceOptionView {
  label: ReactNode;
  explanation: ReactNode;
}

export interface ChoiceQuizProps {
  lesson: string;
  id: string;
  kind: "SingleChoice" | "MultipleChoice";
  question: string;
  options: ChoiceOptionView[];
  correct: number[];
  explanation?: ReactNode;
}

const KIND_LABEL = { SingleChoice: "Quiz · choose one", MultipleChoice: "Quiz · choose all that apply" } as const;

export function ChoiceQuiz({ lesson, id, kind, question, options, correct, explanation }: ChoiceQuizProps) {
  const domId = useId();
  const { record, recordQuiz } = useQuizRecord(lesson, id);
  // null = showing the saved answer (if any); an array = the learner is (re)answering.
  const [draft, setDraft] = useState<number[] | null>(null);
  const restored = record && record.kind === kind && record.answer.length > 0 && record.answer.every((i) => i < options.length) ? record : undefined;
  const submitted = draft === null && restored !== undefined;
  const selected = draft ?? restored?.answer ?? [];
  const result = submitted ? scoreChoice(selected, correct) : null;
  const { announcement, announce } = useAnnouncer();
  const [retryRef, requestRetryFocus] = useFocusAfter(submitted);
  const multiple = kind === "MultipleChoice";
  // After a wrong answer only the picked options are explained, so "Try again" still means something.
  const [showAnswer, setShowAnswer] = useState(false);
  const revealAll = submitted && (result?.correct === true || showAnswer);

  function toggle(index: number, checked: boolean) {
    if (!multiple) return setDraft([index]);
    const next = new Set(selected);
    if (checked) next.add(index);
    else next.delete(index);
    setDraft([...next].sort((a, b) => a - b));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.length === 0) return;
    const outcome = scoreChoice(selected, correct);
    recordQuiz({ lesson, id, kind, answer: selected, correct: outcome.correct });
    setDraft(null);
    setShowAnswer(false);
    requestRetryFocus();
    announce(outcome.correct ? "Correct. Explanations are shown under each option." : "Not quite. Explanations are shown under each option; you can try again.");
  }

  return (
    <section className={styles.quiz} aria-labelledby={`${domId}-q`} data-quiz={id}>
      <p className={styles.kind} aria-hidden="true">
        {KIND_LABEL[kind]}
      </p>
      <form onSubmit={submit}>
        <fieldset className={styles.fieldset} disabled={submitted}>
          <legend id={`${domId}-q`} className={styles.question}>
            {question}
          </legend>
          {multiple ? <p className={styles.hint}>Select all that apply.</p> : null}
          <ul className={styles.options}>
            {options.map((option, index) => {
              const isCorrect = correct.includes(index);
              const picked = selected.includes(index);
              const explained = submitted && (picked || revealAll);
              const state = explained ? (isCorrect ? styles.correct : picked ? styles.wrong : "") : "";
              return (
                <li key={index} className={`${styles.option} ${state}`}>
                  <label className={styles.optionLabel}>
                    <input
                      type={multiple ? "checkbox" : "radio"}
                      name={domId}
                      value={index}
                      checked={picked}
                      onChange={(event) => toggle(index, event.currentTarget.checked)}
                      aria-describedby={explained ? `${domId}-e${index}` : undefined}
                    />
                    <span>{option.label}</span>
                  </label>
                  {explained ? (
                    <p id={`${domId}-e${index}`} className={styles.explanation}>
                      <span className={styles.verdict}>
                        {isCorrect ? (picked ? "Correct, and you picked it." : "Correct, but you didn't pick it.") : picked ? "Not right, and you picked it." : "Not right."}
                      </span>{" "}
                      {option.explanation}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className={styles.actions}>
          {submitted ? (
            <>
              <button type="button" ref={retryRef} className={`${styles.button} ${styles.secondary}`} onClick={() => setDraft([])}>
                Try again
              </button>
              {!revealAll ? (
                <button type="button" className={`${styles.button} ${styles.secondary}`} onClick={() => { setShowAnswer(true); announce("The answer and every explanation are now shown."); }}>
                  Show answer
                </button>
              ) : null}
            </>
          ) : (
            <button type="submit" className={styles.button} disabled={selected.length === 0}>
              Check answer
            </button>
          )}
        </div>
        {result ? (
          <div className={styles.result}>
            <p className={styles.resultTitle}>{result.correct ? "Correct!" : multiple && result.missed.length > 0 && result.wrong.length === 0 ? "Almost: you missed a correct option." : "Not quite."}</p>
            {revealAll && explanation ? <p>{explanation}</p> : null}
          </div>
        ) : null}
        <p role="status" className={styles.srOnly}>
          {announcement}
        </p>
      </form>
    </section>
  );
}
