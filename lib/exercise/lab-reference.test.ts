import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifest } from "@/lib/recordings/manifest-schema";
import { recordedLabChecks } from "./lab-reference";

const manifest = parseManifest(
  JSON.parse(readFileSync(path.resolve(__dirname, "../../sandboxes/recordings/manifest.json"), "utf8")),
);

describe("the recorded values a real run is compared with", () => {
  it("reads every check's naive and optimized value from the manifest", () => {
    const checks = recordedLabChecks(manifest);
    expect(checks.map((check) => check.check)).toEqual([
      "Image size",
      "User and secrets",
      "HEALTHCHECK",
      "docker stop with a request in flight",
      "Code-only rebuild",
    ]);
    const stopOptimized = manifest.scenarios["stop-optimized"].facts;
    expect(checks[3]!.optimized).toBe(
      `request ${stopOptimized.inflightOutcome}, exit code ${stopOptimized.exitCode}, ${stopOptimized.stopSeconds.toFixed(1)} s`,
    );
    expect(checks[1]).toMatchObject({
      naive: "root (uid 0), .env in the image",
      optimized: "node (uid 1000), no .env",
    });
    expect(checks[4]!.naive).toMatch(/^reinstalled the dependencies, \d+\.\d s$/);
    expect(checks[4]!.optimized).toMatch(/^reused the install layer, \d+\.\d s$/);
  });

  it("follows the manifest rather than fixed text", () => {
    const changed = structuredClone(manifest);
    changed.scenarios["stop-optimized"].facts.inflightOutcome = "dropped";
    changed.scenarios["build-cache"].facts.rows = changed.scenarios["build-cache"].facts.rows.map((row) => ({
      ...row,
      reinstalledDependencies: true,
    }));
    const checks = recordedLabChecks(changed);
    expect(checks[3]!.optimized).toMatch(/^request dropped/);
    expect(checks[4]!.optimized).toMatch(/^reinstalled the dependencies/);
  });

  it("fails naming the scenario when a row is missing", () => {
    const changed = structuredClone(manifest);
    changed.scenarios["secrets-and-user"].facts.rows = [];
    expect(() => recordedLabChecks(changed)).toThrow(/secrets-and-user scenario has no naive row/);
  });
});
