"use client";

import { useEffect, useId, useMemo, useRef } from "react";
import { choiceRules, moveLine, orderRules, predictRules, spotRules } from "@/lib/quiz/scoring";
import { scrambledOrder } from "@/lib/quiz/shuffle";
import { quizKey } from "@/lib/quiz/types";
import { ChoiceQuizView, type ChoiceQuizProps } from "./choice-quiz";
import { OrderLinesQuizView, type OrderLinesQuizProps } from "./order-lines-quiz";
import { PredictQuizView, type PredictQuizProps } from "./predict-quiz";
import { SpotProblemQuizView, type SpotProblemQuizProps } from "./spot-problem-quiz";
import { useQuizAttempt, useRetryFocus } from "./use-quiz-attempt";

/*
 * The quizzes' islands: one chunk that loads when the first quiz nears the viewport (./quiz-loaders.tsx), taking
 * the place of the same views the server rendered with their controls disabled.
 */

export function ChoiceQuiz(props: ChoiceQuizProps) {
  const { lesson, id, kind, options, correct } = props;
  const attempt = useQuizAttempt({ lesson, id, kind, rules: choiceRules(options.length, correct) });
  return (
    <ChoiceQuizView {...props} domId={useId()} attempt={attempt} retryButton={useRetryFocus(attempt.justSubmitted)} />
  );
}

export function PredictQuiz(props: PredictQuizProps) {
  const { lesson, id, choices, answer } = props;
  const attempt = useQuizAttempt({ lesson, id, kind: "PredictOutcome", rules: predictRules(choices.length, answer) });
  return (
    <PredictQuizView {...props} domId={useId()} attempt={attempt} retryButton={useRetryFocus(attempt.justSubmitted)} />
  );
}

export function SpotProblemQuiz(props: SpotProblemQuizProps) {
  const { lesson, id, codeLines, faulty } = props;
  const attempt = useQuizAttempt({ lesson, id, kind: "SpotTheProblem", rules: spotRules(codeLines.length, faulty) });
  return (
    <SpotProblemQuizView
      {...props}
      domId={useId()}
      attempt={attempt}
      retryButton={useRetryFocus(attempt.justSubmitted)}
    />
  );
}

export function OrderLinesQuiz(props: OrderLinesQuizProps) {
  const { lesson, id, lines } = props;
  const domId = useId();
  // Seeded by the question's key, so the server HTML and the island start from the same order.
  const scrambled = useMemo(() => scrambledOrder(lines.length, quizKey(lesson, id)), [lines.length, lesson, id]);
  const attempt = useQuizAttempt({
    lesson,
    id,
    kind: "OrderLines",
    rules: orderRules(lines.length),
    start: scrambled,
    retryKeepsAnswer: true,
  });
  const retryButton = useRetryFocus(attempt.justSubmitted);
  const order = attempt.answer;
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

  return (
    <OrderLinesQuizView
      {...props}
      domId={domId}
      attempt={attempt}
      retryButton={retryButton}
      onMove={move}
      moveButtonRef={(key, element) => {
        if (element) buttons.current.set(key, element);
        else buttons.current.delete(key);
      }}
    />
  );
}
