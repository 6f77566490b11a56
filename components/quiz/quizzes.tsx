import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { loadManifest } from "@/lib/recordings/manifest.server";
import { factMoment, factValue, type FactMoment } from "@/lib/recordings/facts";
import { Evidence } from "@/components/lesson-figures/evidence";
import { scrambledOrder } from "@/lib/quiz/shuffle";
import { quizKey } from "@/lib/quiz/types";
import { quizError, validateQuiz } from "@/lib/quiz/validate";
import { ChoiceQuizView, type ChoiceQuizProps } from "./choice-quiz";
import { OrderLinesQuizView, type OrderLinesQuizProps } from "./order-lines-quiz";
import { PredictQuizView, type PredictQuizProps } from "./predict-quiz";
import { ChoiceQuizLoader, OrderLinesQuizLoader, PredictQuizLoader, SpotProblemQuizLoader } from "./quiz-loaders";
import { SpotProblemQuizView, type SpotProblemQuizProps } from "./spot-problem-quiz";
import { staticAttempt } from "./static-attempt";

/**
 * The quiz components lessons use in MDX. These are server components: they run while the
 * lesson prerenders, check their props (a mistake fails `next build` naming the lesson file,
 * line and quiz id) and render the quiz with its controls disabled, which its island (a chunk
 * loaded when the quiz nears the viewport) replaces. `lesson` and `source` are added by
 * lib/quiz/remark-quizzes.ts; authors never write them.
 */
interface Injected {
  lesson?: string;
  source?: string;
}

export interface OptionProps {
  correct?: boolean;
  explanation: ReactNode;
  children: ReactNode;
}

/** One answer of a <SingleChoice> or <MultipleChoice>; it only means something inside one. */
export function Option(props: OptionProps): never {
  void props;
  throw new Error("<Option> can only be used directly inside <SingleChoice> or <MultipleChoice>.");
}

export interface ChoiceProps extends Injected {
  id: string;
  question: string;
  /** Shown once the question is answered correctly (or the answer is revealed). */
  explanation?: ReactNode;
  children: ReactNode;
}

function choiceQuiz(kind: "SingleChoice" | "MultipleChoice", props: ChoiceProps) {
  const children = Children.toArray(props.children).filter(
    (child) => !(typeof child === "string" && child.trim() === ""),
  );
  const stray = children.find((child) => !isValidElement(child) || child.type !== Option);
  if (stray !== undefined)
    throw quizError(kind, props, "may only contain <Option> elements (put other text in question= or explanation=)");
  const options = (children as ReactElement<OptionProps>[]).map((child) => child.props);
  validateQuiz(kind, {
    ...props,
    options: options.map((option) => ({
      correct: option.correct === true,
      hasLabel: hasContent(option.children),
      hasExplanation: hasContent(option.explanation),
    })),
  });
  const quiz: ChoiceQuizProps = {
    lesson: requireLesson(kind, props),
    id: props.id,
    kind,
    question: props.question,
    explanation: props.explanation,
    options: options.map((option) => ({ label: option.children, explanation: option.explanation })),
    correct: options.flatMap((option, index) => (option.correct ? [index] : [])),
  };
  return (
    <ChoiceQuizLoader {...quiz}>
      <ChoiceQuizView {...quiz} domId={`quiz-${quiz.id}`} attempt={staticAttempt()} />
    </ChoiceQuizLoader>
  );
}

export function SingleChoice(props: ChoiceProps) {
  return choiceQuiz("SingleChoice", props);
}

export function MultipleChoice(props: ChoiceProps) {
  return choiceQuiz("MultipleChoice", props);
}

export interface OrderLinesProps extends Injected {
  id: string;
  question: string;
  /** The lines in their correct order; learners see them scrambled. */
  lines: string[];
  explanation?: ReactNode;
}

export function OrderLines(props: OrderLinesProps) {
  const data = validateQuiz("OrderLines", { ...props });
  const quiz: OrderLinesQuizProps = {
    lesson: requireLesson("OrderLines", props),
    id: props.id,
    question: data.question,
    lines: data.lines,
    explanation: props.explanation,
  };
  const scrambled = scrambledOrder(quiz.lines.length, quizKey(quiz.lesson, quiz.id));
  return (
    <OrderLinesQuizLoader {...quiz}>
      <OrderLinesQuizView {...quiz} domId={`quiz-${quiz.id}`} attempt={staticAttempt(scrambled)} />
    </OrderLinesQuizLoader>
  );
}

export interface SpotTheProblemProps extends Injected {
  id: string;
  question: string;
  /** The listing; a template literal keeps its lines. */
  code: string;
  /** The faulty line, counting from 1. */
  answer: number;
  explanation: ReactNode;
  /** Why other lines are not the answer, keyed by line number: shown when a learner picks one. */
  notes?: Record<number, string>;
  title?: string;
}

export function SpotTheProblem(props: SpotTheProblemProps) {
  const explanation = hasContent(props.explanation) ? "ok" : undefined;
  const data = validateQuiz("SpotTheProblem", { ...props, explanation, notes: props.notes });
  const notes = Object.fromEntries(Object.entries(data.notes ?? {}).map(([line, note]) => [Number(line) - 1, note]));
  const quiz: SpotProblemQuizProps = {
    lesson: requireLesson("SpotTheProblem", props),
    id: props.id,
    question: data.question,
    codeLines: data.code.replace(/\n$/, "").split("\n"),
    faulty: data.answer - 1,
    explanation: props.explanation,
    notes,
    title: props.title,
  };
  return (
    <SpotProblemQuizLoader {...quiz}>
      <SpotProblemQuizView {...quiz} domId={`quiz-${quiz.id}`} attempt={staticAttempt()} />
    </SpotProblemQuizLoader>
  );
}

export interface PredictOutcomeProps extends Injected {
  id: string;
  question: string;
  /** A named recorded fact (lib/recordings/facts.ts) whose value is the outcome, e.g. "naiveExitCode". */
  fact: string;
  /** The possible outcomes as text; the manifest value must equal one of them. */
  choices: string[];
  explanation?: ReactNode;
}

export function PredictOutcome(props: PredictOutcomeProps) {
  const data = validateQuiz("PredictOutcome", { ...props });
  let recorded: string;
  try {
    recorded = factValue(loadManifest(), data.fact);
  } catch (error) {
    throw quizError(
      "PredictOutcome",
      props,
      `fact "${data.fact}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let moment: FactMoment;
  try {
    moment = factMoment(data.fact);
  } catch (error) {
    throw quizError("PredictOutcome", props, error instanceof Error ? error.message : String(error));
  }
  const answer = data.choices.indexOf(recorded);
  if (answer < 0)
    throw quizError(
      "PredictOutcome",
      props,
      `the recording says ${JSON.stringify(recorded)} (${data.fact}), which is not one of its choices ${JSON.stringify(data.choices)}`,
    );
  const quiz: PredictQuizProps = {
    lesson: requireLesson("PredictOutcome", props),
    id: props.id,
    question: data.question,
    choices: data.choices,
    answer,
    evidence: (
      <Evidence scenario={moment.scenario} at={moment.at} occurrence={moment.occurrence}>
        {moment.shows}
      </Evidence>
    ),
    explanation: props.explanation,
  };
  return (
    <PredictQuizLoader {...quiz}>
      <PredictQuizView {...quiz} domId={`quiz-${quiz.id}`} attempt={staticAttempt()} />
    </PredictQuizLoader>
  );
}

function hasContent(node: ReactNode): boolean {
  if (node === null || node === undefined || typeof node === "boolean") return false;
  if (typeof node === "string") return node.trim() !== "";
  return Children.toArray(node).length > 0;
}

function requireLesson(kind: Parameters<typeof quizError>[0], props: Injected & { id?: string }): string {
  if (!props.lesson)
    throw quizError(
      kind,
      props,
      "has no lesson: quizzes only work inside a lesson compiled by lib/content (remark-quizzes adds it)",
    );
  return props.lesson;
}
