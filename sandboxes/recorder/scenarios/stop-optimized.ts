import type { Scenario } from "../scenario";
import { runStopExperiment } from "../stop-experiment";
import { pick } from "./stop-naive";

export const stopOptimized: Scenario<"stop-optimized"> = {
  name: "stop-optimized",
  title: "docker stop on the optimized image, with a request in flight",
  basesUsed: ["slim"],
  async run({ session, images, labels }) {
    session.comment("optimized image: tini as PID 1, user node, HEALTHCHECK; one 4-second request in flight");
    const outcome = await runStopExperiment(session, {
      name: "course-stop-optimized",
      image: images.optimized,
      requestMs: 4000,
      watchHealth: true,
      labels,
    });
    return { image: "optimized", ...pick(outcome) };
  },
};
