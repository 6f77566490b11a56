import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DOCKER, docker } from "./docker";

/**
 * Lists every file in the layers an image adds on top of its base whose bytes equal `needle`
 * (compared by size, then SHA-256). Used to prove a build secret never landed in a layer.
 * Base layers are skipped: a base may legitimately ship a standard CA bundle of its own.
 */
export function filesMatchingInLayers(ref: string, baseRef: string, needle: Buffer): string[] {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "course-layers-"));
  try {
    execFileSync("sh", ["-c", `"${DOCKER}" save "${ref}" | tar -x -C "${workDir}"`]);
    const wanted = createHash("sha256").update(needle).digest("hex");
    const matches: string[] = [];
    const baseLayerCount = Number(
      docker(["image", "inspect", "--format", "{{len .RootFS.Layers}}", baseRef]).stdout.trim(),
    );
    const [saved] = JSON.parse(readFileSync(path.join(workDir, "manifest.json"), "utf8")) as [{ Layers: string[] }];
    const layerTars = saved.Layers.slice(baseLayerCount).map((layer) => path.join(workDir, layer));
    for (const layerTar of layerTars) {
      const listing = execFileSync("tar", ["-tvf", layerTar], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
      const candidates = listing
        .split("\n")
        .map((line) => /^-\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.+)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null && Number(match[1]) === needle.length)
        .map((match) => match[2] ?? "");
      for (const member of candidates) {
        const content = execFileSync("tar", ["-xOf", layerTar, member], { maxBuffer: needle.length + 1024 });
        if (createHash("sha256").update(content).digest("hex") === wanted)
          matches.push(`${path.relative(workDir, layerTar)}:${member}`);
      }
    }
    return matches;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
