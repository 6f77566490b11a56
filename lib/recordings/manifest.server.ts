import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseManifest, type Manifest } from "@/lib/recordings/manifest-schema";

/** The recorder's output, committed to the repo: one .cast per scenario and manifest.json. */
export const RECORDINGS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "sandboxes", "recordings");

let cached: Manifest | undefined;

/**
 * The recorder's manifest, validated once per build. Every figure the site shows comes from here,
 * so a missing or invalid manifest fails the build with the schema's explanation.
 */
export function loadManifest(): Manifest {
  if (cached) return cached;
  const file = path.join(/*turbopackIgnore: true*/ RECORDINGS_DIR, "manifest.json");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  } catch (error) {
    throw new Error(
      `${path.relative(process.cwd(), file)} cannot be read as JSON (${error instanceof Error ? error.message : String(error)}); run \`npm run record\` to write it again`,
    );
  }
  cached = parseManifest(json);
  return cached;
}
