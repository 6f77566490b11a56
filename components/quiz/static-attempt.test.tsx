import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChoiceQuizView } from "./choice-quiz";
import { OrderLinesQuizView } from "./order-lines-quiz";
import { PredictQuizView } from "./predict-quiz";
import { SpotProblemQuizView } from "./spot-problem-quiz";
import { staticAttempt } from "./static-attempt";
import type { QuizAttempt } from "./use-quiz-attempt";

/** A fresh attempt as the island's hook gives it before anything is picked: the same view, controls live. */
const live = (start?: readonly number[]): QuizAttempt => ({ ...staticAttempt(start), interactive: true });
/** The server-rendered quiz differs from the island's first render only in disabled controls. */
const withoutDisabled = (html: string) => html.replaceAll(' disabled=""', "");

describe("a quiz server-rendered before its island loads", () => {
  const lesson = "production-and-scaling/dockerizing-nodejs";
  const views = {
    choice: (attempt: QuizAttempt) => (
      <ChoiceQuizView
        lesson={lesson}
        id="base"
        kind="SingleChoice"
        question="Which base?"
        options={[
          { label: "node:20", explanation: "big" },
          { label: "node:20-slim", explanation: "right" },
        ]}
        correct={[1]}
        domId="quiz-base"
        attempt={attempt}
      />
    ),
    order: (attempt: QuizAttempt) => (
      <OrderLinesQuizView
        lesson={lesson}
        id="order"
        question="Order them"
        lines={["FROM node", "COPY . .", "CMD node"]}
        domId="quiz-order"
        attempt={attempt}
      />
    ),
    predict: (attempt: QuizAttempt) => (
      <PredictQuizView
        lesson={lesson}
        id="predict"
        question="Exit code?"
        choices={["0", "137"]}
        answer={1}
        evidence="the recording"
        domId="quiz-predict"
        attempt={attempt}
      />
    ),
    spot: (attempt: QuizAttempt) => (
      <SpotProblemQuizView
        lesson={lesson}
        id="spot"
        question="Which line?"
        codeLines={["FROM node", "COPY . .", "RUN npm ci"]}
        faulty={1}
        explanation="copies first"
        notes={{}}
        domId="quiz-spot"
        attempt={attempt}
      />
    ),
  };

  for (const [name, view] of Object.entries(views)) {
    it(`${name}: has the island's markup, with every control disabled`, () => {
      const start = name === "order" ? [2, 0, 1] : undefined;
      const server = renderToStaticMarkup(view(staticAttempt(start)));
      const island = renderToStaticMarkup(view(live(start)));
      expect(withoutDisabled(server)).toBe(withoutDisabled(island));
      expect(server).toContain('disabled=""');
      // Nothing the learner could press works before the island has loaded.
      const enabledControls = server.match(/<(button|input)(?![^>]*disabled)[^>]*>/g) ?? [];
      const inDisabledFieldset = /<fieldset[^>]*disabled/.test(server);
      expect(inDisabledFieldset ? enabledControls.filter((tag) => tag.startsWith("<button")) : enabledControls).toEqual(
        [],
      );
    });
  }
});
