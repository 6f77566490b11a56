"use client";

import type { ReactNode } from "react";
import { LazyIsland } from "@/components/lazy/lazy-island";
import type { ChoiceQuizProps } from "./choice-quiz";
import type { OrderLinesQuizProps } from "./order-lines-quiz";
import type { PredictQuizProps } from "./predict-quiz";
import type { SpotProblemQuizProps } from "./spot-problem-quiz";

/*
 * All a lesson's first load carries of its quizzes. The islands load right after first paint rather
 * than near the viewport: a saved answer shows wherever its quiz is, as it did when the quizzes
 * were part of the first load.
 */
const loadQuizzes = () => import("./quiz-islands");
const loadChoice = () => loadQuizzes().then((module) => module.ChoiceQuiz);
const loadOrderLines = () => loadQuizzes().then((module) => module.OrderLinesQuiz);
const loadPredict = () => loadQuizzes().then((module) => module.PredictQuiz);
const loadSpotProblem = () => loadQuizzes().then((module) => module.SpotProblemQuiz);
const afterFirstPaint = () => true;

/** Each loader's children: the quiz's view, server-rendered from ./static-attempt.ts. */
type Loader<Props> = Props & { children: ReactNode };

export function ChoiceQuizLoader({ children, ...props }: Loader<ChoiceQuizProps>) {
  return (
    <LazyIsland load={loadChoice} props={props} fallback={children} name="The quiz" loadAtOnce={afterFirstPaint} />
  );
}

export function OrderLinesQuizLoader({ children, ...props }: Loader<OrderLinesQuizProps>) {
  return (
    <LazyIsland load={loadOrderLines} props={props} fallback={children} name="The quiz" loadAtOnce={afterFirstPaint} />
  );
}

export function PredictQuizLoader({ children, ...props }: Loader<PredictQuizProps>) {
  return (
    <LazyIsland load={loadPredict} props={props} fallback={children} name="The quiz" loadAtOnce={afterFirstPaint} />
  );
}

export function SpotProblemQuizLoader({ children, ...props }: Loader<SpotProblemQuizProps>) {
  return (
    <LazyIsland load={loadSpotProblem} props={props} fallback={children} name="The quiz" loadAtOnce={afterFirstPaint} />
  );
}
