import type { Scenario } from "../scenario";
import { runStopExperiment } from "../stop-experiment";

export const stopNaive: Scenario<"stop-naive"> = {
  name: "stop-naive",
  title: "docker stop on the naive image, with a request in flight",
  basesUsed: ["fat"],
  async run({ session, images, labels }) {
    session.comment("naive image: npm start as PID 1, root, no HEALTHCHECK; one 4-second request in flight");
    const outcome = await runStopExperiment(session, {
      name: "course-stop-naive",
      image: images.naive,
      requestMs: 4000,
      labels,
    });
    return { image: "naive", ...pick(outcome) };
  },
};

export function pick(outcome: Awaited<ReturnType<typeof runStopExperiment>>) {
  const {
    pid1,
    user,
    stopSeconds,
    exitCode,
    inflightOutcome,
    inflightHttpStatus,
    appHandlerRan,
    terminatingSignal,
    healthzAfterSigterm,
  } = outcome;
  return {
    pid1,
    user,
    stopSeconds,
    exitCode,
    inflightOutcome,
    inflightHttpStatus,
    appHandlerRan,
    terminatingSignal,
    healthzAfterSigterm,
  };
}
