import type { ReactNode, Ref } from "react";
import { scoreChoice } from "@/lib/quiz/scoring";
import styles from "./quiz.module.css";
import { QuizFooter } from "./quiz-footer";
import { QuizForm, QuizFrame } from "./quiz-frame";
import type { QuizAttempt } from "./use-quiz-attempt";

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

/** What every quiz view is given besides its props: ids to use, and the attempt (a live one, or ./static-attempt.ts). */
export interface QuizViewState {
  domId: string;
  attempt: QuizAttempt;
  retryButton?: Ref<HTMLButtonElement>;
}

/** A choice quiz's markup, rendered by its island (./quiz-islands.tsx) and, before that loads, by the server. */
export function ChoiceQuizView({
  id,
  kind,
  question,
  options,
  correct,
  explanation,
  domId,
  attempt,
  retryButton,
}: ChoiceQuizProps & QuizViewState) {
  const { submitted, revealed, answer: selected } = attempt;
  const result = scoreChoice(selected, correct);
  const multiple = kind === "MultipleChoice";
  const almost = multiple && result.missed.length > 0 && result.wrong.length === 0;

  function toggle(index: number, checked: boolean) {
    if (!multiple) return attempt.edit([index]);
    const next = new Set(selected);
    if (checked) next.add(index);
    else next.delete(index);
    attempt.edit([...next].sort((a, b) => a - b));
  }

  function submit() {
    attempt.submit((right) =>
      right
        ? "Correct. Explanations are shown under each option."
        : "Not quite. Explanations are shown under each option; you can try again.",
    );
  }

  const footer = (
    <QuizFooter
      attempt={attempt}
      retryButton={retryButton}
      checkLabel="Check answer"
      showAnswerAnnouncement="The answer and every explanation are now shown."
      verdict={result.correct ? "Correct!" : almost ? "Almost: you missed a correct option." : "Not quite."}
    >
      {revealed && explanation ? <p>{explanation}</p> : null}
    </QuizFooter>
  );

  return (
    <QuizFrame id={id} domId={domId} kindLabel={KIND_LABEL[kind]}>
      <QuizForm domId={domId} question={question} attempt={attempt} onSubmit={submit} footer={footer}>
        {multiple ? <p className={styles.hint}>Select all that apply.</p> : null}
        <ul className={styles.options}>
          {options.map((option, index) => {
            const isCorrect = correct.includes(index);
            const picked = selected.includes(index);
            // After a wrong answer only the picked options are explained, so "Try again" still means something.
            const explained = submitted && (picked || revealed);
            const state = explained ? (isCorrect ? styles.correct : picked ? styles.wrong : "") : "";
            return (
              <li key={index} className={`${styles.option} ${state}`}>
                <label className={styles.optionLabel}>
                  <input
                    type={multiple ? "checkbox" : "radio"}
                    name={domId}
                    value={index}
                    checked={attempt.interactive ? picked : undefined}
                    onChange={attempt.interactive ? (event) => toggle(index, event.currentTarget.checked) : undefined}
                    aria-describedby={explained ? `${domId}-e${index}` : undefined}
                  />
                  {option.label}
                </label>
                {explained ? (
                  <p id={`${domId}-e${index}`} className={styles.explanation}>
                    <span className={styles.verdict}>
                      {isCorrect
                        ? picked
                          ? "Correct, and you picked it."
                          : "Correct, but you didn't pick it."
                        : picked
                          ? "Not right, and you picked it."
                          : "Not right."}
                    </span>{" "}
                    {option.explanation}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </QuizForm>
    </QuizFrame>
  );
}
