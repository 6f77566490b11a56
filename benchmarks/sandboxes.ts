/**
 * Prints the sandboxes' numbers: full record time (warm, or cold with --cold, which first deletes
 * the stand-in bases, the demo images and the build cache), each image's size and its ratio to
 * the floor, and the rebuild times after a one-line change.   npm run bench:sandboxes [-- --cold]
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { docker } from "../sandboxes/recorder/docker";
import { record } from "../sandboxes/recorder/record";

const cold = process.argv.includes("--cold");
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function main() {
  if (cold) {
    // Two patterns: a reference glob does not cross "/", and the stand-in bases live under course-stand-in/.
    const ours = docker([
      "images",
      "--format",
      "{{.Repository}}:{{.Tag}}",
      "--filter",
      "reference=course-*",
      "--filter",
      "reference=course-*/*",
    ])
      .stdout.trim()
      .split("\n")
      .filter(Boolean);
    if (ours.length > 0) docker(["rmi", "-f", ...ours]);
    docker(["builder", "prune", "-af"]);
    console.log(`cold start: removed ${ours.length} images and the build cache`);
  }
  const outDir = mkdtempSync(path.join(os.tmpdir(), "course-bench-"));
  const started = Date.now();
  const manifest = await record({ outDir, bases: "stand-in", progress: () => {} });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `full record (${cold ? "cold" : "warm"}): ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min), into ${outDir}`,
  );
  if (cold) console.log(`${seconds <= 20 * 60 ? "PASS" : "FAIL"} cold record of every scenario within 20 min`);

  const { images, floor } = manifest.scenarios.sizes.facts;
  console.log(
    `floor (node ${mb(floor.nodeBinaryBytes)} + libs ${mb(floor.sharedLibrariesBytes)} + prod deps ${mb(floor.prodNodeModulesBytes)} + app ${mb(floor.appBytes)}): ${mb(floor.totalBytes)}`,
  );
  const naive = images.find((image) => image.name === "naive image")!;
  for (const image of images) {
    console.log(
      `${image.name.padEnd(36)} ${mb(image.uncompressedBytes).padStart(10)}  compressed ${mb(image.compressedBytes).padStart(10)}  ` +
        `×floor ${(image.uncompressedBytes / floor.totalBytes).toFixed(2).padStart(5)}  naive÷this ${(naive.uncompressedBytes / image.uncompressedBytes).toFixed(1).padStart(5)}`,
    );
  }
  const rows = manifest.scenarios["build-cache"].facts.rows;
  for (const row of rows)
    console.log(
      `rebuild after a one-line change, ${row.image}: ${row.rebuildSeconds.toFixed(1)} s (${row.stepsCached} steps cached, ${row.stepsRun} run)`,
    );
  const [naiveRow, optimizedRow] = ["naive", "optimized"].map((name) => rows.find((row) => row.image === name)!);
  console.log(
    `code-only rebuild speed-up, optimized vs naive: ${(naiveRow!.rebuildSeconds / optimizedRow!.rebuildSeconds).toFixed(1)}×`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
