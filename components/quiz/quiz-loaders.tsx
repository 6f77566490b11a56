"use client";

import type { ComponentType, ReactNode } from "react";
import { LazyIsland } from "@/components/lazy/lazy-island";

/*
 * All a lesson's first load carries of its quizzes. The islands load right after first paint rather
 * than near the viewport: a saved answer shows wherever its quiz is, as it did when the quizzes
 * were part of the first load.
 */
const loadQuizzes = () => import("./quiz-islands");
const afterFirstPaint = () => true;

/** A loader whose children are the quiz's view, server-rendered from ./static-attempt.ts. */
function quizLoader<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return function QuizLoader({ children, ...props }: Props & { children: ReactNode }) {
    return (
      <LazyIsland load={load} props={props as Props} fallback={children} name="The quiz" loadAtOnce={afterFirstPaint} />
    );
  };
}

export const ChoiceQuizLoader = quizLoader(() => loadQuizzes().then((module) => module.ChoiceQuiz));
export const OrderLinesQuizLoader = quizLoader(() => loadQuizzes().then((module) => module.OrderLinesQuiz));
export const PredictQuizLoader = quizLoader(() => loadQuizzes().then((module) => module.PredictQuiz));
export const SpotProblemQuizLoader = quizLoader(() => loadQuizzes().then((module) => module.SpotProblemQuiz));
