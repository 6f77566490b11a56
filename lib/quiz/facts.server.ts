import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Facts for predict-the-outcome questions come from the recordings manifest
 * (`sandboxes/recordings/manifest.json`, written by the recorder), so a measured value is never
 * typed into a lesson. A fact is a dotted path; a segment that is not a key of an object can
 * name an array element by its `id` (or `name`) field, so "recordings.stop-naive.exitCode"
 * reads `manifest.recordings.find(r => r.id === "stop-naive").exitCode`.
 */
export const DEFAULT_MANIFEST = path.join(process.cwd(), "sandboxes/recordings/manifest.json");

export type FactLookup =
  | { status: "found"; value: string }
  /** No manifest yet: the question can still be asked, the reveal says the recording is pending. */
  | { status: "no-manifest" }
  | { status: "missing"; reason: string };

export function lookupFact(fact: string, manifestFile: string = DEFAULT_MANIFEST): FactLookup {
  if (!existsSync(/*turbopackIgnore: true*/ manifestFile)) return { status: "no-manifest" };
  let node: unknown;
  try {
    node = JSON.parse(readFileSync(/*turbopackIgnore: true*/ manifestFile, "utf8"));
  } catch (error) {
    return { status: "missing", reason: `${path.relative(process.cwd(), manifestFile)} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return resolvePath(node, fact);
}

export function resolvePath(root: unknown, fact: string): FactLookup {
  let node = root;
  const walked: string[] = [];
  for (const segment of fact.split(".")) {
    walked.push(segment);
    if (Array.isArray(node)) {
      const byIndex = /^\d+$/.test(segment) ? node[Number(segment)] : undefined;
      node = byIndex ?? node.find((item) => typeof item === "object" && item !== null && ((item as { id?: unknown }).id === segment || (item as { name?: unknown }).name === segment));
    } else if (typeof node === "object" && node !== null && Object.hasOwn(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      node = undefined;
    }
    if (node === undefined) return { status: "missing", reason: `the manifest has nothing at "${walked.join(".")}"` };
  }
  if (typeof node === "string" || typeof node === "number" || typeof node === "boolean") return { status: "found", value: String(node) };
  return { status: "missing", reason: `"${fact}" is not a single value in the manifest (found ${node === null ? "null" : Array.isArray(node) ? "a list" : "an object"})` };
}
