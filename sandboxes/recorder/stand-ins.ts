import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOCKER, imageExists, run } from "./docker";

export interface StandInRecipe {
  /** The build context, holding the Dockerfile and every file it copies. */
  dir: string;
  dockerfile: string;
  /** The image name under course-stand-in/, e.g. "haproxy26". */
  name: string;
  baseRef: string;
  /** Other files in `dir` whose content changes the image (copied configs, entrypoints). */
  inputs?: string[];
}

/**
 * Builds a stand-in for an official image (Postgres, Redis, HAProxy…) from Debian packages on the
 * slim base, because no image registry is reachable here. Tagged by a hash of its recipe, so a
 * second run reuses it and a changed recipe builds a new one.
 */
export async function buildStandIn(
  recipe: StandInRecipe,
  say: (message: string) => void,
  signal?: AbortSignal,
): Promise<string> {
  const hash = createHash("sha256").update(recipe.baseRef);
  for (const file of [recipe.dockerfile, ...(recipe.inputs ?? [])])
    hash.update(readFileSync(path.join(recipe.dir, file), "utf8"));
  const tag = `course-stand-in/${recipe.name}:${hash.digest("hex").slice(0, 12)}`;
  if (imageExists(tag)) return tag;
  say(`building ${tag} from Debian packages`);
  const output: string[] = [];
  const args = [
    "build",
    "--progress=plain",
    "-f",
    path.join(recipe.dir, recipe.dockerfile),
    "--build-arg",
    `BASE_IMAGE=${recipe.baseRef}`,
    "-t",
    tag,
    recipe.dir,
  ];
  const code = await run(DOCKER, args, (line) => output.push(line), { signal });
  if (code !== 0) throw new Error(`building ${tag} failed:\n${output.slice(-20).join("\n")}`);
  return tag;
}
