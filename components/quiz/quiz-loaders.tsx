"use client";

import type { ComponentType, ReactNode } from "react";
import { LazyIsland } from "@/components/lazy/lazy-island";

/*
 * All a lesson's first load carries of its quizzes. Each quiz's island loads when the quiz comes near the viewport,
 * as every other island does. Swapping all of a lesson's quizzes in at once, right after first paint, was one commit
 * that took 170 ms in a Lighthouse trace of the lesson; without it the lesson's mobile TBT fell from 983 to 379 ms
 * (`npm run bench:lighthouse`, median of 3 runs, both builds in the same session).
 */
const loadQuizzes = () => import("./quiz-islands");

/** A loader whose children are the quiz's view, server-rendered from ./static-attempt.ts. */
function quizLoader<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return function QuizLoader({ children, ...props }: Props & { children: ReactNode }) {
    return <LazyIsland load={load} props={props as Props} fallback={children} name="The quiz" />;
  };
}

export const ChoiceQuizLoader = quizLoader(() => loadQuizzes().then((module) => module.ChoiceQuiz));
export const OrderLinesQuizLoader = quizLoader(() => loadQuizzes().then((module) => module.OrderLinesQuiz));
export const PredictQuizLoader = quizLoader(() => loadQuizzes().then((module) => module.PredictQuiz));
export const SpotProblemQuizLoader = quizLoader(() => loadQuizzes().then((module) => module.SpotProblemQuiz));
