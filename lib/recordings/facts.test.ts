import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { factValue } from "./facts";
import { parseManifest } from "./manifest-schema";

const committed = parseManifest(
  JSON.parse(readFileSync(path.join(process.cwd(), "sandboxes/recordings/manifest.json"), "utf8")),
);

describe("factValue", () => {
  it("fails on a value the manifest lacks instead of printing a placeholder", () => {
    const manifest = structuredClone(committed);
    manifest.scenarios["health-flip"].facts.first503AtSeconds = null;
    manifest.scenarios.zombies.facts.rows = [];
    manifest.scenarios["rolling-optimized"].facts.replicaEnv = {};
    expect(() => factValue(manifest, "healthFlipFirst503")).toThrow(
      'the manifest has no value for the fact "healthFlipFirst503"',
    );
    expect(() => factValue(manifest, "zombiesWithNode")).toThrow(
      'the manifest has no value for the fact "zombiesWithNode"',
    );
    expect(() => factValue(manifest, "orphansStarted")).toThrow(
      'the manifest has no value for the fact "orphansStarted"',
    );
    expect(() => factValue(manifest, "readinessDelay")).toThrow(
      'the manifest has no value for the fact "readinessDelay"',
    );
  });

  it("says which row is missing", () => {
    const manifest = structuredClone(committed);
    manifest.scenarios.sizes.facts.images = [];
    expect(() => factValue(manifest, "naiveImageSize")).toThrow('the sizes scenario has no image named "naive image"');
  });
});
