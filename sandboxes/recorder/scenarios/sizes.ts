import { createGzip } from "node:zlib";
import type { ScenarioFacts } from "@/lib/recordings/manifest-schema";
import type { Scenario } from "../scenario";
import { DOCKER, docker, spawnKillable } from "../docker";
import { labelFlags } from "../kit";

/** What the engine reports as the image's size: every layer, uncompressed, as stored on disk. */
export function uncompressedSize(ref: string): number {
  return Number(docker(["image", "inspect", "--format", "{{.Size}}", ref]).stdout.trim());
}

/** What a registry push/pull transfers: the image's layers gzip-compressed. `signal` stops the save. */
export function compressedSize(ref: string, signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const save = spawnKillable(DOCKER, ["save", ref], process.env, signal);
    let total = 0;
    const gzip = createGzip({ level: 6 });
    save.stdout.pipe(gzip).on("data", (chunk: Buffer) => (total += chunk.length));
    gzip.on("end", () => resolve(total));
    save.on("error", reject);
    save.on("close", (code) => code !== 0 && reject(new Error(`docker save ${ref} failed`)));
  });
}

export function layers(ref: string) {
  return docker(["history", "--no-trunc", "--human=false", "--format", "{{.Size}}\t{{.CreatedBy}}", ref])
    .stdout.trim()
    .split("\n")
    .map((line) => {
      const [size = "0", ...createdBy] = line.split("\t");
      return {
        sizeBytes: Number(size),
        createdBy: createdBy
          .join("\t")
          .replace(/^\/bin\/sh -c (#\(nop\) )?/, "")
          .trim()
          .slice(0, 200),
      };
    })
    .filter((layer) => layer.sizeBytes > 0)
    .reverse();
}

/** Sums file sizes inside an image with its own node (works without a shell); `labels` go on the container. */
export function bytesInImage(ref: string, node: string, script: string, labels?: Record<string, string>): number {
  return Number(docker(["run", "--rm", ...labelFlags(labels), "--entrypoint", node, ref, "-e", script]).stdout.trim());
}

export const DU = (paths: string[]) => `
const fs = require("fs"), path = require("path");
function du(p) { const s = fs.lstatSync(p); return s.isDirectory() ? fs.readdirSync(p).reduce((n, e) => n + du(path.join(p, e)), 0) : s.size; }
console.log(${JSON.stringify(paths)}.reduce((n, p) => n + du(p), 0));`;

export const sizes: Scenario<"sizes"> = {
  name: "sizes",
  title: "How big is each image, and how small could it be?",
  basesUsed: ["fat", "slim", "distroless"],
  async run({ session, images, bases, progress, labels }) {
    const candidates = [
      { name: "full base (node:20 stand-in)", ref: bases.fat.ref, kind: "base" as const },
      { name: "slim base (node:20-slim stand-in)", ref: bases.slim.ref, kind: "base" as const },
      { name: "distroless base (stand-in)", ref: bases.distroless.ref, kind: "base" as const },
      { name: "naive image", ref: images.naive, kind: "image" as const },
      { name: "optimized image", ref: images.optimized, kind: "image" as const },
      { name: "distroless image", ref: images.distroless, kind: "image" as const },
    ];
    await session.exec(
      DOCKER,
      ["images", "--format", "table {{.Repository}}:{{.Tag}}\t{{.Size}}", "--filter", "reference=course-*"],
      { timeoutMs: 30_000 },
    );
    const measured: ScenarioFacts<"sizes">["images"] = [];
    for (const candidate of candidates) {
      progress(`sizes: ${candidate.name}`);
      const uncompressedBytes = uncompressedSize(candidate.ref);
      session.write(`\u001b[1;32m$\u001b[0m docker save ${candidate.ref} | gzip | wc -c\n`);
      const compressedBytes = await compressedSize(candidate.ref, session.signal);
      session.write(`${compressedBytes}\n`);
      session.mark(
        "size",
        `${candidate.name}: ${(uncompressedBytes / 1e6).toFixed(0)} MB, ${(compressedBytes / 1e6).toFixed(0)} MB compressed`,
      );
      measured.push({ ...candidate, uncompressedBytes, compressedBytes, layers: layers(candidate.ref) });
    }
    await session.exec(DOCKER, ["history", "--format", "table {{.Size}}\t{{.CreatedBy}}", images.optimized], {
      timeoutMs: 30_000,
    });

    session.comment("the floor: node + the libraries it links + production node_modules + the built app");
    const nodeBinaryBytes = bytesInImage(images.distroless, "/nodejs/bin/node", DU(["/nodejs/bin/node"]), labels);
    const libraries =
      docker([
        "run",
        "--rm",
        ...labelFlags(labels),
        "--entrypoint",
        "ldd",
        images.optimized,
        "/usr/local/bin/node",
      ]).stdout.match(/\/\S+/g) ?? [];
    const sharedLibrariesBytes = bytesInImage(images.optimized, "node", DU(libraries), labels);
    const prodNodeModulesBytes = bytesInImage(images.optimized, "node", DU(["/app/node_modules"]), labels);
    const appBytes = bytesInImage(images.optimized, "node", DU(["/app/dist", "/app/package.json"]), labels);
    const totalBytes = nodeBinaryBytes + sharedLibrariesBytes + prodNodeModulesBytes + appBytes;
    session.write(
      [
        `node binary           ${nodeBinaryBytes}`,
        `shared libraries      ${sharedLibrariesBytes}  (${libraries.join(" ")})`,
        `production deps       ${prodNodeModulesBytes}`,
        `built app             ${appBytes}`,
        `floor                 ${totalBytes}`,
        "",
      ].join("\n"),
    );
    session.mark("floor", `floor: ${(totalBytes / 1e6).toFixed(0)} MB`);
    return {
      images: measured,
      floor: { nodeBinaryBytes, sharedLibrariesBytes, prodNodeModulesBytes, appBytes, totalBytes },
    };
  },
};
