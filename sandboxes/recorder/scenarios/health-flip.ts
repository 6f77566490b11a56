import type { Scenario } from "../scenario";
import { runStopExperiment } from "../stop-experiment";

export const healthFlip: Scenario<"health-flip"> = {
  name: "health-flip",
  title: "The engine's health status and /healthz, from start to exit",
  basesUsed: ["slim"],
  async run({ session, images, labels }) {
    session.comment(
      "health checks every 1 s; a 7-second request keeps the container draining long enough to see the flip",
    );
    const outcome = await runStopExperiment(session, {
      name: "course-health-flip",
      image: images.optimized,
      requestMs: 7000,
      watchHealth: true,
      showProbes: true,
      labels,
    });
    const order = ["starting", "healthy", "unhealthy"] as const;
    return {
      statuses: outcome.statuses,
      sawEngineStates: order.filter((state) => outcome.engineStates.includes(state)),
      first503AtSeconds: outcome.first503At,
      exitedAtSeconds: outcome.exitedAt,
      exitCode: outcome.exitCode,
    };
  },
};
