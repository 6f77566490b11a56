import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseManifest, type Manifest } from "@/sandboxes/recorder/manifest-schema";

const MANIFEST_FILE = path.join(process.cwd(), "sandboxes", "recordings", "manifest.json");
let cached: Manifest | undefined;

/** The recorder's manifest, validated once per build. Every figure the site shows comes from here. */
export function loadManifest(): Manifest {
  cached ??= parseManifest(JSON.parse(readFileSync(MANIFEST_FILE, "utf8")));
  return cached;
}
