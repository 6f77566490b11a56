/**
 * Prints live mode's numbers on this machine's Docker engine: how long the first run of a server
 * waits for the bases and images (cached builds), how long until the first terminal output and
 * the first marker reach a client, and how late each streamed event arrives compared with when
 * the recorder wrote it.   npm run bench:live [-- --runs 3]
 */
import { createLiveServer } from "../sandboxes/live/server";
import { DockerExecutor } from "../sandboxes/live/executor";
import { readRun, startRun } from "../sandboxes/live/test-client";
import { engineReachable } from "../sandboxes/recorder/docker";
import os from "node:os";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main() {
  if (!engineReachable()) throw new Error("bench:live needs a Docker engine");
  const live = createLiveServer({
    port: 0,
    saveDir: os.tmpdir(),
    allowedOrigins: [],
    executor: new DockerExecutor("stand-in"),
    log: () => {},
  });
  const base = `http://127.0.0.1:${await live.listen()}`;
  try {
    for (let run = 1; run <= runs; run++) {
      const requested = performance.now();
      const { id } = (await startRun(base, { scenario: "stop-optimized" })).body;
      let startedAt = 0;
      let castZero = 0;
      let firstOutput = 0;
      let firstMarker = 0;
      const lateness: number[] = [];
      const frames = await readRun(base, id!, 600_000, (frame) => {
        const now = performance.now();
        if (frame.event.type === "started") [startedAt, castZero] = [now, frame.event.at];
        if (frame.event.type === "output") {
          firstOutput ||= now;
          // Same machine, same wall clock: arrival minus the moment the recorder wrote the event.
          lateness.push(Date.now() - (castZero + frame.event.t * 1000));
        }
        if (frame.event.type === "marker") firstMarker ||= now;
      });
      const finished = frames.at(-1)?.event;
      console.log(
        `run ${run}: ${finished?.type}; prepare (bases + cached image builds) ${ms(startedAt - requested)}; first output ${ms(firstOutput - requested)}; ` +
          `first marker ${ms(firstMarker - requested)}; ${frames.length} frames; output lateness (written by the recorder → parsed by the client) median ${ms(median(lateness))}, max ${ms(Math.max(...lateness))}; ` +
          `run ${finished?.type === "finished" ? `${finished.durationSeconds.toFixed(1)} s` : "-"}`,
      );
    }
  } finally {
    await live.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
