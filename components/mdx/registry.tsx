import type { MDXComponents } from "mdx/types";
import { Code } from "@/components/code/code-block";
import { DockerfileExercise } from "@/components/exercise/dockerfile-exercise";
import {
  MultipleChoice,
  Option,
  OrderLines,
  PredictOutcome,
  SingleChoice,
  SpotTheProblem,
} from "@/components/quiz/quizzes";
import { ContainerAnalogy } from "@/components/lesson-figures/container-analogy";
import { Evidence } from "@/components/lesson-figures/evidence";
import { Fact } from "@/components/lesson-figures/fact";
import { InterviewQuestions } from "@/components/lesson-figures/interview-questions";
import { LayerBreakdown } from "@/components/lesson-figures/layer-breakdown";
import { Pid1Matrix } from "@/components/lesson-figures/pid1-matrix";
import {
  ComposeStartup,
  RebuildTimes,
  RollingTotals,
  SecretsAndUsers,
} from "@/components/lesson-figures/recorded-tables";
import { SizeLadder } from "@/components/lesson-figures/size-ladder";
import { Sandbox, SandboxCompare } from "@/components/sandbox/sandbox";
import { H2, H3 } from "./heading";
import { Note } from "./note";
import { Table, TableHeader } from "./table";

/**
 * Every component a lesson can use, in one place. Lessons get these by name
 * (`<Note kind="warning">`), fenced code blocks become <Code> and Markdown tables <Table>.
 */
export const mdxComponents = {
  h2: H2,
  h3: H3,
  table: Table,
  th: TableHeader,
  Code,
  Note,
  Sandbox,
  SandboxCompare,
  Fact,
  Evidence,
  ContainerAnalogy,
  Pid1Matrix,
  SizeLadder,
  LayerBreakdown,
  SecretsAndUsers,
  RebuildTimes,
  RollingTotals,
  ComposeStartup,
  InterviewQuestions,
  SingleChoice,
  MultipleChoice,
  Option,
  OrderLines,
  SpotTheProblem,
  PredictOutcome,
  DockerfileExercise,
} satisfies MDXComponents;
