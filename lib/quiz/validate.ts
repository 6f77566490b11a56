import * as z from "@/lib/site/zod";
import { ContentError } from "@/lib/content/frontmatter";
import type { QuizKind } from "./types";

/**
 * Build-time checks of a quiz's props. Quiz components are server components that run while a
 * lesson prerenders, so a failed check here fails `next build` with the lesson file, line and
 * question id.
 */

const text = z.string().check(z.trim(), z.minLength(1, "must not be empty"));

export interface ChoiceOptionData {
  correct: boolean;
  hasLabel: boolean;
  hasExplanation: boolean;
}

const choiceSchema = (kind: "SingleChoice" | "MultipleChoice") =>
  z
    .object({
      question: text,
      options: z
        .array(
          z.object({
            correct: z.boolean(),
            hasLabel: z.literal(true, "an <Option> has no text"),
            hasExplanation: z.literal(true, 'every <Option> needs an explanation="…" (shown after answering)'),
          }),
        )
        .check(z.minLength(2, "needs at least two <Option> children")),
    })
    .check(
      z.superRefine((data, ctx) => {
        const correct = data.options.filter((option) => option.correct).length;
        if (correct === 0)
          ctx.addIssue({
            code: "custom",
            message: "has no correct answer: mark one <Option correct>",
            path: ["options"],
          });
        if (kind === "SingleChoice" && correct > 1)
          ctx.addIssue({
            code: "custom",
            message: `has ${correct} correct options; a <SingleChoice> needs exactly one (use <MultipleChoice>)`,
            path: ["options"],
          });
        if (kind === "MultipleChoice" && correct === data.options.length)
          ctx.addIssue({
            code: "custom",
            message: "marks every option correct, so there is nothing to choose",
            path: ["options"],
          });
      }),
    );

const orderSchema = z.object({
  question: text,
  lines: z.array(text, "lines={[…]} must be a list of strings, in the correct order").check(
    z.minLength(2, "needs at least two lines"),
    z.refine(
      (lines) => new Set(lines).size === lines.length,
      "has duplicate lines; each line must be distinct so the order is unambiguous",
    ),
  ),
  explanation: z.optional(text),
});

const spotSchema = z
  .object({
    question: text,
    code: text,
    answer: z
      .int("answer={n} must be the faulty line's number (1-based)")
      .check(z.minimum(1, "answer is a 1-based line number")),
    explanation: text,
    notes: z.optional(z.record(z.string().check(z.regex(/^\d+$/, "notes are keyed by line number")), text)),
  })
  .check(
    z.superRefine((data, ctx) => {
      const lineCount = data.code.split("\n").length;
      if (data.answer > lineCount)
        ctx.addIssue({
          code: "custom",
          message: `answer is line ${data.answer} but the code has ${lineCount} lines`,
          path: ["answer"],
        });
      for (const line of Object.keys(data.notes ?? {})) {
        if (Number(line) < 1 || Number(line) > lineCount)
          ctx.addIssue({ code: "custom", message: `note for line ${line} is outside the code`, path: ["notes", line] });
      }
    }),
  );

const predictSchema = z.object({
  question: text,
  fact: z
    .string()
    .check(
      z.regex(
        /^[a-z][A-Za-z0-9]*$/,
        'fact must name a recorded fact from lib/recordings/facts.ts, e.g. "naiveExitCode"',
      ),
    ),
  choices: z.array(text, "choices={[…]} must be a list of strings").check(
    z.minLength(2, "needs at least two choices"),
    z.refine((c) => new Set(c).size === c.length, "has duplicate choices"),
  ),
  explanation: z.optional(text),
});

const SCHEMAS = {
  SingleChoice: choiceSchema("SingleChoice"),
  MultipleChoice: choiceSchema("MultipleChoice"),
  OrderLines: orderSchema,
  SpotTheProblem: spotSchema,
  PredictOutcome: predictSchema,
} satisfies Record<QuizKind, z.ZodMiniType>;

export type QuizInput<K extends QuizKind> = z.output<(typeof SCHEMAS)[K]>;

/** Throws a ContentError like `content/x.mdx:40: quiz "layer-order" (<OrderLines>): lines: needs at least two lines`. */
export function validateQuiz<K extends QuizKind>(
  kind: K,
  props: { id?: unknown; source?: unknown } & Record<string, unknown>,
): QuizInput<K> {
  const result = SCHEMAS[kind].safeParse(props);
  if (result.success) return result.data as QuizInput<K>;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.filter((part) => typeof part !== "number").join(".");
    return field && field !== "options" ? `${field}: ${issue.message}` : issue.message;
  });
  throw quizError(kind, props, problems.join("; "));
}

export function quizError(kind: QuizKind, props: { id?: unknown; source?: unknown }, problem: string): ContentError {
  const source =
    typeof props.source === "string" ? props.source : "(unknown lesson: quiz used outside a compiled lesson)";
  const [file = source, line] = source.split(/:(?=\d+$)/);
  return new ContentError(file, `quiz "${String(props.id)}" (<${kind}>) ${problem}`, line ? Number(line) : undefined);
}
