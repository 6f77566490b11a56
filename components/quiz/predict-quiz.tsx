import type { ReactNode } from "react";
import type { QuizViewState } from "./choice-quiz";
import styles from "./quiz.module.css";
import { QuizFooter } from "./quiz-footer";
import { QuizForm, QuizFrame } from "./quiz-frame";

export interface PredictQuizProps {
  lesson: string;
  id: string;
  question: string;
  choices: string[];
  /** Index of the choice the recording shows, resolved on the server from the recordings manifest. */
  answer: number;
  /** Where the answer comes from: a link to the recorded moment that shows it, shown with the reveal. */
  evidence: ReactNode;
  explanation?: ReactNode;
}

/** Commit to a prediction before watching a sandbox run; the measured result is then revealed. */
export function PredictQuizView({
  id,
  question,
  choices,
  answer,
  evidence,
  explanation,
  domId,
  attempt,
  retryButton,
}: PredictQuizProps & QuizViewState) {
  const { submitted: revealed, correct } = attempt;
  const picked = attempt.answer[0];

  function submit() {
    attempt.submit((right) =>
      right
        ? `You predicted right: ${choices[answer]}.`
        : `The recording shows ${choices[answer]}, not ${choices[picked ?? 0]}.`,
    );
  }

  const footer = (
    <QuizFooter
      attempt={attempt}
      retryButton={retryButton}
      checkLabel="Lock in prediction"
      retryLabel="Predict again"
      verdict={correct ? "You predicted right!" : `The recording shows ${choices[answer]}.`}
    >
      {explanation ? <p>{explanation}</p> : null}
      <p className={styles.hint} data-testid="predict-source">
        The answer comes from {evidence}.
      </p>
    </QuizFooter>
  );

  return (
    <QuizFrame id={id} domId={domId} kindLabel="Predict the outcome">
      <QuizForm domId={domId} question={question} attempt={attempt} onSubmit={submit} footer={footer}>
        <p className={styles.hint}>Commit to a prediction before you watch the run.</p>
        <ul className={styles.options}>
          {choices.map((choice, index) => {
            const state = revealed ? (index === answer ? styles.correct : picked === index ? styles.wrong : "") : "";
            return (
              <li key={choice} className={`${styles.option} ${state}`}>
                <label className={styles.optionLabel}>
                  <input
                    type="radio"
                    name={domId}
                    value={index}
                    checked={attempt.interactive ? picked === index : undefined}
                    onChange={attempt.interactive ? () => attempt.edit([index]) : undefined}
                  />
                  <code>{choice}</code>
                  {revealed && index === answer ? (
                    <span className={styles.mark}> (what the recording shows)</span>
                  ) : null}
                  {revealed && picked === index ? <span className={styles.mark}> (your prediction)</span> : null}
                </label>
              </li>
            );
          })}
        </ul>
      </QuizForm>
    </QuizFrame>
  );
}
