import type { Scenario } from "../scenario";
import { runStopExperiment } from "../stop-experiment";

const GRACE_SECONDS = 10; // docker stop's default before SIGKILL

/** The four ways PID 1 is commonly set up, all on the optimized image so only PID 1 differs. */
const PID1_SETUPS = [
  { pid1: "npm start", flags: ["--entrypoint", "npm"], command: ["start"] },
  { pid1: "node", flags: ["--entrypoint", "node"], command: ["dist/server.js"] },
  { pid1: "tini", flags: [], command: [] },
  { pid1: "docker run --init", flags: ["--init", "--entrypoint", "node"], command: ["dist/server.js"] },
] as const;

export const pid1Matrix: Scenario<"pid1-matrix"> = {
  name: "pid1-matrix",
  title: "PID 1 × signal handler: what docker stop does in all eight combinations",
  basesUsed: ["slim"],
  async run({ session, images, progress, labels }) {
    const rows = [];
    for (const setup of PID1_SETUPS) {
      for (const handler of [true, false]) {
        progress(`pid1-matrix: ${setup.pid1}, handler ${handler ? "on" : "off"}`);
        session.comment(`PID 1 = ${setup.pid1}, app signal handler ${handler ? "ON" : "OFF"}`);
        const outcome = await runStopExperiment(session, {
          name: `course-pid1-${setup.pid1.replace(/\W+/g, "-")}-${handler ? "handler" : "nohandler"}`,
          image: images.optimized,
          runFlags: [...setup.flags, ...(handler ? [] : ["-e", "HANDLE_SIGNALS=false"])],
          command: [...setup.command],
          requestMs: 3000,
          labels,
        });
        rows.push({
          pid1: setup.pid1,
          pid1Command: outcome.pid1,
          handler,
          stopSeconds: outcome.stopSeconds,
          exitCode: outcome.exitCode,
          inflightOutcome: outcome.inflightOutcome,
          appHandlerRan: outcome.appHandlerRan,
          terminatingSignal: outcome.terminatingSignal,
        });
      }
    }
    return { graceSeconds: GRACE_SECONDS, rows };
  },
};
