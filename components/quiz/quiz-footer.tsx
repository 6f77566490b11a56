import type { ReactNode, Ref } from "react";
import styles from "./quiz.module.css";
import type { QuizAttempt } from "./use-quiz-attempt";

export interface QuizFooterProps {
  attempt: QuizAttempt;
  /** "Try again", which takes focus once an answer is submitted (the island's useRetryFocus). */
  retryButton?: Ref<HTMLButtonElement>;
  /** "Check answer", "Lock in prediction", …: submits the quiz's form, or calls `onCheck` for a quiz without one. */
  checkLabel: string;
  onCheck?: () => void;
  retryLabel?: string;
  /** Offers "Show answer" after a wrong answer, announcing this when pressed. */
  showAnswerAnnouncement?: string;
  /** The result's heading once an answer is submitted; `children` follow it. */
  verdict: string;
  children?: ReactNode;
}

/** Under every quiz: check; once answered, the verdict and then "Try again" (and "Show answer"); the live region. */
export function QuizFooter({
  attempt,
  retryButton,
  checkLabel,
  onCheck,
  retryLabel = "Try again",
  showAnswerAnnouncement,
  verdict,
  children,
}: QuizFooterProps) {
  // The verdict comes first and the buttons after it: feedback before action.
  return (
    <>
      {attempt.submitted ? (
        <div className={styles.result}>
          <p className={styles.resultTitle}>{verdict}</p>
          {children}
        </div>
      ) : null}
      {/* The buttons sit in the quiz's flow, spaced by their own margins: no wrapper (an element less per quiz). */}
      {attempt.submitted ? (
        <>
          <button
            type="button"
            ref={retryButton}
            className={`${styles.button} ${styles.secondary}`}
            onClick={attempt.retry}
          >
            {retryLabel}
          </button>
          {showAnswerAnnouncement && !attempt.revealed ? (
            <button
              type="button"
              className={`${styles.button} ${styles.secondary}`}
              onClick={() => attempt.showAnswer(showAnswerAnnouncement)}
            >
              Show answer
            </button>
          ) : null}
        </>
      ) : (
        <button
          type={onCheck ? "button" : "submit"}
          className={styles.button}
          onClick={attempt.interactive ? onCheck : undefined}
          disabled={!attempt.interactive || !attempt.canSubmit}
        >
          {checkLabel}
        </button>
      )}
      <p role="status" className={styles.srOnly}>
        {attempt.announcement}
      </p>
    </>
  );
}
