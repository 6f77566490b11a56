import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SpotProblemQuizView } from "./spot-problem-quiz";
import { staticAttempt } from "./static-attempt";
import type { QuizAttempt } from "./use-quiz-attempt";

const view = (attempt: QuizAttempt) =>
  renderToStaticMarkup(
    <SpotProblemQuizView
      lesson="production-and-scaling/dockerizing-nodejs"
      id="spot"
      question="Which line?"
      codeLines={["FROM node", "COPY . .", "RUN npm ci"]}
      faulty={1}
      explanation="copies first"
      notes={{ 2: "installs, fine" }}
      domId="quiz-spot"
      attempt={attempt}
    />,
  );

describe("spot the problem", () => {
  it("names each line's radio by its number and text, the number being drawn by CSS", () => {
    const html = view(staticAttempt());
    expect(html).toContain('aria-label="Line 1: FROM node"');
    expect(html).toContain('aria-label="Line 2: COPY . ."');
    expect(html).not.toContain("Line 1:</span>");
  });

  it("adds a wrong pick's mark to its name, and the faulty line's once the answer is shown", () => {
    const wrong = view({ ...staticAttempt([2]), submitted: true, correct: false });
    expect(wrong).toContain('aria-label="Line 3: RUN npm ci ← your pick"');
    const revealed = view({ ...staticAttempt([2]), submitted: true, correct: false, revealed: true });
    expect(revealed).toContain('aria-label="Line 2: COPY . . ← the problem"');
  });
});
