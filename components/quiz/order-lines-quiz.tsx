"use client";

import { useEffect, useId, useMemo, useRef, type ReactNode } from "react";
import { moveLine, orderRules, scoreOrder } from "@/lib/quiz/scoring";
import { scrambledOrder } from "@/lib/quiz/shuffle";
import { quizKey } from "@/lib/quiz/types";
import styles from "./quiz.module.css";
import { QuizFooter } from "./quiz-footer";
import { QuizFrame } from "./quiz-frame";
import { useQuizAttempt } from "./use-quiz-attempt";

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
  // Seeded by the question's key, so the server HTML and the client start from the same order.
  const scrambled = useMemo(() => scrambledOrder(lines.length, quizKey(lesson, id)), [lines.length, lesson, id]);
  const attempt = useQuizAttempt({
    lesson,
    id,
    kind: "OrderLines",
    rules: orderRules(lines.length),
    start: scrambled,
    retryKeepsAnswer: true,
  });
  const { submitted, answer: order } = attempt;
  const result = scoreOrder(order);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusTarget = useRef<{ line: number; direction: -1 | 1 } | null>(null);

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    const position = order.indexOf(target.line);
    // At either end the pressed button is disabled, so keep focus on the line's other button.
    const atEnd =
      (position === 0 && target.direction === -1) || (position === order.length - 1 && target.direction === 1);
    const direction = atEnd ? -target.direction : target.direction;
    buttons.current.get(`${target.line}:${direction}`)?.focus();
  }, [order]);

  function move(position: number, direction: -1 | 1) {
    const line = order[position];
    if (line === undefined) return;
    const next = moveLine(order, position, direction);
    attempt.edit(next);
    focusTarget.current = { line, direction };
    attempt.announce(`Moved "${lines[line]}" to position ${next.indexOf(line) + 1} of ${lines.length}.`);
  }

  function check() {
    attempt.submit((right) =>
      right ? "Correct order." : `Not yet: ${result.placedCount} of ${lines.length} lines are in the right place.`,
    );
  }

  return (
    <QuizFrame id={id} domId={domId} kindLabel="Quiz · put the lines in order">
      <p id={`${domId}-q`} className={styles.question}>
        {question}
      </p>
      <p className={styles.hint} id={`${domId}-hint`}>
        Use the Move up and Move down buttons next to each line, then check your order.
      </p>
      <ol className={styles.lines} aria-labelledby={`${domId}-q`} aria-describedby={`${domId}-hint`}>
        {order.map((line, position) => {
          const text = lines[line] ?? "";
          const inPlace = result.inPlace[position];
          return (
            <li
              key={line}
              className={`${styles.lineItem} ${submitted ? (inPlace ? styles.correct : styles.wrong) : ""}`}
            >
              <span className={styles.position} aria-hidden="true">
                {position + 1}.
              </span>
              <span className={styles.lineText}>
                <code>{text}</code>
              </span>
              {submitted ? <span className={styles.mark}>{inPlace ? "✓ in place" : "✗ not here"}</span> : null}
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
      <QuizFooter
        attempt={attempt}
        checkLabel="Check order"
        onCheck={check}
        verdict={
          result.correct ? "Correct order!" : `${result.placedCount} of ${lines.length} lines are in the right place.`
        }
      >
        {result.correct && explanation ? <p>{explanation}</p> : null}
        {!result.correct ? <p>Lines marked “not here” belong somewhere else. Try again to keep moving them.</p> : null}
      </QuizFooter>
    </QuizFrame>
  );
}
