"use client";

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { isPermutation, moveLine, scoreOrder } from "@/lib/quiz/scoring";
import { scrambledOrder } from "@/lib/quiz/shuffle";
import styles from "./quiz.module.css";
import { useAnnouncer, useFocusAfter, useQuizRecord } from "./use-quiz";

export interface OrderLinesQuizProps {
  lesson: string;
  id: string;
  question: string;
  /** In the correct order; shown scrambled. */
  lines: string[];
  explanation?: ReactNode;
}

/** Reordering with Move up / Move down buttons: works with keyboard, touch and screen readers alike. */
export function OrderLinesQuiz({ lesson, id, question, lines, explanation }: OrderLinesQuizProps) {
  const domId = useId();
  const { record, recordQuiz } = useQuizRecord(lesson, id);
  const initial = useMemo(() => scrambledOrder(lines.length, `${lesson}#${id}`), [lines.length, lesson, id]);
  const [draft, setDraft] = useState<number[] | null>(null);
  const restored = record?.kind === "OrderLines" && isPermutation(record.answer, lines.length) ? record.answer : undefined;
  const submitted = draft === null && restored !== undefined;
  const order = draft ?? restored ?? initial;
  const result = submitted ? scoreOrder(order) : null;
  const { announcement, announce } = useAnnouncer();
  const [retryRef, requestRetryFocus] = useFocusAfter(submitted);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusTarget = useRef<{ line: number; direction: -1 | 1 } | null>(null);

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    const position = order.indexOf(target.line);
    // At either end the pressed button is disabled, so keep focus on the line's other button.
    const direction = (position === 0 && target.direction === -1) || (position === order.length - 1 && target.direction === 1) ? -target.direction : target.direction;
    buttons.current.get(`${target.line}:${direction}`)?.focus();
  }, [order]);

  function move(position: number, direction: -1 | 1) {
    const line = order[position];
    if (line === undefined) return;
    const next = moveLine(order, position, direction);
    setDraft(next);
    focusTarget.current = { line, direction };
    announce(`Moved "${lines[line]}" to position ${next.indexOf(line) + 1} of ${lines.length}.`);
  }

  function check() {
    const outcome = scoreOrder(order);
    recordQuiz({ lesson, id, kind: "OrderLines", answer: order, correct: outcome.correct });
    setDraft(null);
    requestRetryFocus();
    announce(outcome.correct ? "Correct order." : `Not yet: ${outcome.placedCount} of ${lines.length} lines are in the right place.`);
  }

  return (
    <section className={styles.quiz} aria-labelledby={`${domId}-q`} data-quiz={id}>
      <p className={styles.kind} aria-hidden="true">
        Quiz · put the lines in order
      </p>
      <p id={`${domId}-q`} className={styles.question}>
        {question}
      </p>
      <p className={styles.hint} id={`${domId}-hint`}>
        Use the Move up and Move down buttons next to each line, then check your order.
      </p>
      <ol className={styles.lines} aria-labelledby={`${domId}-q`} aria-describedby={`${domId}-hint`}>
        {order.map((line, position) => {
          const text = lines[line] ?? "";
          const inPlace = result?.inPlace[position];
          return (
            <li key={line} className={`${styles.lineItem} ${result ? (inPlace ? styles.correct : styles.wrong) : ""}`}>
              <span className={styles.position} aria-hidden="true">
                {position + 1}.
              </span>
              <span className={styles.lineText}>
                <code>{text}</code>
              </span>
              {result ? <span className={styles.mark}>{inPlace ? "✓ in place" : "✗ not here"}</span> : null}
              {([-1, 1] as const).map((direction) => (
                <button
                  key={direction}
                  type="button"
                  className={styles.moveButton}
                  ref={(element) => {
                    if (element) buttons.current.set(`${line}:${direction}`, element);
                    else buttons.current.delete(`${line}:${direction}`);
                  }}
                  disabled={submitted || (direction === -1 ? position === 0 : position === order.length - 1)}
                  onClick={() => move(position, direction)}
                >
                  <span aria-hidden="true">{direction === -1 ? "↑" : "↓"}</span>
                  <span className={styles.srOnly}>
                    {direction === -1 ? "Move up" : "Move down"}: {text}
                  </span>
                </button>
              ))}
            </li>
          );
        })}
      </ol>
      <div className={styles.actions}>
        {submitted ? (
          <button type="button" ref={retryRef} className={`${styles.button} ${styles.secondary}`} onClick={() => setDraft([...order])}>
            Try again
          </button>
        ) : (
          <button type="button" className={styles.button} onClick={check}>
            Check order
          </button>
        )}
      </div>
      {result ? (
        <div className={styles.result}>
          <p className={styles.resultTitle}>{result.correct ? "Correct order!" : `${result.placedCount} of ${lines.length} lines are in the right place.`}</p>
          {result.correct && explanation ? <p>{explanation}</p> : null}
          {!result.correct ? <p>Lines marked “not here” belong somewhere else. Try again to keep moving them.</p> : null}
        </div>
      ) : null}
      <p role="status" className={styles.srOnly}>
        {announcement}
      </p>
    </section>
  );
}
