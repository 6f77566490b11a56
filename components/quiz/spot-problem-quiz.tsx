import { Fragment, type ReactNode } from "react";
import type { QuizViewState } from "./choice-quiz";
import styles from "./quiz.module.css";
import { QuizFooter } from "./quiz-footer";
import { QuizForm, QuizFrame } from "./quiz-frame";

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
export function SpotProblemQuizView({
  id,
  question,
  codeLines,
  faulty,
  explanation,
  notes,
  title,
  domId,
  attempt,
  retryButton,
}: SpotProblemQuizProps & QuizViewState) {
  const { submitted, revealed } = attempt;
  const picked = attempt.answer[0];
  const pickedLineNumber = (picked ?? 0) + 1;

  function submit() {
    attempt.submit((right) =>
      right
        ? `Correct: line ${pickedLineNumber} is the problem.`
        : `Not that one: line ${pickedLineNumber} is not the problem. The explanation is below; you can try again.`,
    );
  }

  const footer = (
    <QuizFooter
      attempt={attempt}
      retryButton={retryButton}
      checkLabel="Check line"
      showAnswerAnnouncement={`The problem is line ${faulty + 1}. The explanation is shown below the listing.`}
      verdict={attempt.correct ? "Correct!" : `Not line ${pickedLineNumber}.`}
    >
      {revealed ? (
        <p>{explanation}</p>
      ) : (
        <p>Look again for the line that causes what the question describes, then try again.</p>
      )}
    </QuizFooter>
  );

  return (
    <QuizFrame id={id} domId={domId} kindLabel="Quiz · spot the problem">
      <QuizForm domId={domId} question={question} attempt={attempt} onSubmit={submit} footer={footer}>
        <p className={styles.hint}>Select the line at fault{title ? ` in ${title}` : ""}, then check.</p>
        <div className={styles.code}>
          {codeLines.map((line, index) => {
            const isPicked = picked === index;
            const state = submitted
              ? index === faulty && revealed
                ? styles.correct
                : isPicked && index !== faulty
                  ? styles.wrong
                  : ""
              : "";
            const note = submitted && isPicked && index !== faulty ? notes[index] : undefined;
            const mark =
              revealed && index === faulty
                ? "← the problem"
                : submitted && isPicked && index !== faulty
                  ? "← your pick"
                  : "";
            return (
              <Fragment key={index}>
                <label className={`${styles.codeLine} ${state}`}>
                  {/* The radio's name says which line it is ("Line 3: COPY . ."), where the listing shows the number
                      by CSS: an aria-label rather than a hidden span and a span around the text (issue 17). */}
                  <input
                    type="radio"
                    className={styles.srOnly}
                    name={domId}
                    value={index}
                    aria-label={`Line ${index + 1}: ${line}${mark ? ` ${mark}` : ""}`}
                    checked={attempt.interactive ? isPicked : undefined}
                    onChange={attempt.interactive ? () => attempt.edit([index]) : undefined}
                  />
                  {line === "" ? " " : line}
                  {mark ? <span className={styles.mark}>{mark}</span> : null}
                </label>
                {note ? <p className={styles.lineNote}>{note}</p> : null}
              </Fragment>
            );
          })}
        </div>
      </QuizForm>
    </QuizFrame>
  );
}
