/**
 * The course's own image (deploy/Dockerfile): its size next to its parts and to the recorded naive
 * demo image, time to healthy, and how fast `docker stop` ends it, with PASS/FAIL per budget.
 *   npm run bench:image [-- --bases official]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseManifest } from "../lib/recordings/manifest-schema";
import { debianBaseRef } from "../sandboxes/recorder/bases";
import { docker, engineReachable } from "../sandboxes/recorder/docker";
import { freeLoopbackPort, probe } from "../sandboxes/recorder/kit";
import {
  REPO_DIR,
  baseKindFrom,
  buildCourseImage,
  imageBytes,
  startCourseContainer,
  stopAndMeasure,
  waitHealthy,
} from "../deploy/image";

/** Left tagged, so `docker run --rm -p 127.0.0.1:8080:8080 course-site` serves what was measured. */
const TAG = "course-site";
const CONTAINER = "course-site-bench";
/** Stops measured; the budget holds for the slowest. */
const STOP_RUNS = 5;
/** What nginx and its libraries may add on top of the Debian base and the site's files. */
const SERVER_BUDGET_BYTES = 30e6;
const STOP_BUDGET_SECONDS = 1;
const HEALTHY_BUDGET_SECONDS = 10;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

async function main() {
  if (!engineReachable()) {
    console.error("bench:image needs a Docker engine: none answers (is dockerd running?)");
    process.exit(1);
  }
  const kind = baseKindFrom(process.argv);
  const buildSeconds = await buildCourseImage(kind, TAG, () => {});
  console.log(
    `built ${TAG} on ${kind} bases in ${buildSeconds.toFixed(1)} s (warm cache unless bases or sources changed)`,
  );

  const image = imageBytes(TAG);
  const base = imageBytes(debianBaseRef(kind));
  const site = Number(
    docker(["run", "--rm", "--network", "none", "--entrypoint", "du", TAG, "-sb", "/srv/course"]).stdout.split(/\s/)[0],
  );
  const server = image - base - site;
  const manifest = parseManifest(
    JSON.parse(readFileSync(path.join(REPO_DIR, "sandboxes", "recordings", "manifest.json"), "utf8")),
  );
  const naive = manifest.scenarios.sizes.facts.images.find((entry) => entry.name === "naive image");
  console.log(`course image                 ${mb(image).padStart(10)}`);
  console.log(`  Debian base (${debianBaseRef(kind)}) ${mb(base)}`);
  console.log(`  the static export          ${mb(site).padStart(10)}`);
  console.log(`  nginx and its libraries    ${mb(server).padStart(10)}`);
  if (naive)
    console.log(
      `recorded naive demo image    ${mb(naive.uncompressedBytes).padStart(10)}  (${(naive.uncompressedBytes / image).toFixed(1)}× this image, from the manifest)`,
    );
  console.log(
    `${verdict(server <= SERVER_BUDGET_BYTES)} the server adds at most ${mb(SERVER_BUDGET_BYTES)} to the base and the files (${mb(server)})`,
  );

  const port = await freeLoopbackPort();
  const healthySeconds: number[] = [];
  const stops: { seconds: number; exitCode: number }[] = [];
  let served = true;
  try {
    for (let attempt = 0; attempt < STOP_RUNS; attempt++) {
      const started = Date.now();
      startCourseContainer(TAG, CONTAINER, port);
      const healthy = await waitHealthy(CONTAINER);
      healthySeconds.push(healthy ? (Date.now() - started) / 1000 : Infinity);
      const lesson = await probe(`http://127.0.0.1:${port}/learn/production-and-scaling/dockerizing-nodejs`);
      const recording = await probe(`http://127.0.0.1:${port}/recordings/stop-naive.cast`);
      served &&= lesson === 200 && recording === 200;
      stops.push(stopAndMeasure(CONTAINER));
      docker(["rm", "-f", CONTAINER], { allowFailure: true });
    }
  } finally {
    docker(["rm", "-f", CONTAINER], { allowFailure: true });
  }
  const slowestStop = Math.max(...stops.map((stop) => stop.seconds));
  const sortedStops = stops.map((stop) => stop.seconds).sort((a, b) => a - b);
  const slowestHealthy = Math.max(...healthySeconds);
  console.log(
    `docker stop, ${STOP_RUNS} runs: median ${sortedStops[Math.floor(STOP_RUNS / 2)]!.toFixed(2)} s, slowest ${slowestStop.toFixed(2)} s, exit codes ${stops.map((stop) => stop.exitCode).join(" ")}`,
  );
  console.log(`healthy after start: slowest ${slowestHealthy.toFixed(1)} s of ${STOP_RUNS}`);
  const checks = [
    [served, "every run served the lesson and a recording (200)"],
    [slowestStop < STOP_BUDGET_SECONDS, `docker stop ends it in under ${STOP_BUDGET_SECONDS} s`],
    [stops.every((stop) => stop.exitCode === 0), "it exits 0 on docker stop"],
    [slowestHealthy <= HEALTHY_BUDGET_SECONDS, `healthy within ${HEALTHY_BUDGET_SECONDS} s of start`],
  ] as const;
  for (const [ok, label] of checks) console.log(`${verdict(ok)} ${label}`);
  if (server > SERVER_BUDGET_BYTES || checks.some(([ok]) => !ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
