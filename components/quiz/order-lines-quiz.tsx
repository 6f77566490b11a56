import type { ReactNode } from "react";
import { scoreOrder } from "@/lib/quiz/scoring";
import type { QuizViewState } from "./choice-quiz";
import styles from "./quiz.module.css";
import { QuizFooter } from "./quiz-footer";
import { QuizFrame } from "./quiz-frame";

export interface OrderLinesQuizProps {
  lesson: string;
  id: string;
  question: string;
  /** In the correct order; shown scrambled. */
  lines: string[];
  explanation?: ReactNode;
}

export interface OrderLinesControls {
  /** Moves the line at `position` one place up (-1) or down (1). */
  onMove?: (position: number, direction: -1 | 1) => void;
  /** Keeps each move button (keyed `${line}:${direction}`), so focus can follow the line it moved. */
  moveButtonRef?: (key: string, element: HTMLButtonElement | null) => void;
}

/** Reordering with Move up / Move down buttons: works with keyboard, touch and screen readers alike. */
export function OrderLinesQuizView({
  id,
  question,
  lines,
  explanation,
  domId,
  attempt,
  retryButton,
  onMove,
  moveButtonRef,
}: OrderLinesQuizProps & QuizViewState & OrderLinesControls) {
  const { submitted, answer: order } = attempt;
  const result = scoreOrder(order);

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
              <code className={styles.lineText}>{text}</code>
              {submitted ? <span className={styles.mark}>{inPlace ? "✓ in place" : "✗ not here"}</span> : null}
              {([-1, 1] as const).map((direction) => (
                <button
                  key={direction}
                  type="button"
                  className={styles.moveButton}
                  ref={moveButtonRef && ((element) => moveButtonRef(`${line}:${direction}`, element))}
                  disabled={
                    !attempt.interactive ||
                    submitted ||
                    (direction === -1 ? position === 0 : position === order.length - 1)
                  }
                  onClick={onMove && (() => onMove(position, direction))}
                  aria-label={`${direction === -1 ? "Move up" : "Move down"}: ${text}`}
                >
                  {direction === -1 ? "↑" : "↓"}
                </button>
              ))}
            </li>
          );
        })}
      </ol>
      <QuizFooter
        attempt={attempt}
        retryButton={retryButton}
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
