import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFactsAgainstEvents, checkRecordings } from "./testing/check-recordings";
import { SCENARIO_NAMES, parseManifest } from "@/lib/recordings/manifest-schema";
import { DEFAULT_RECORDINGS_DIR } from "./record";

// The committed recordings are what the site replays with no Docker at all.
describe("committed recordings and manifest", () => {
  const manifestFile = path.join(DEFAULT_RECORDINGS_DIR, "manifest.json");
  const manifest = parseManifest(JSON.parse(readFileSync(manifestFile, "utf8")));

  it("has every scenario, each a valid asciicast v2 file whose markers match the manifest's events", () => {
    expect(Object.keys(manifest.scenarios).sort()).toEqual([...SCENARIO_NAMES].sort());
    checkRecordings(DEFAULT_RECORDINGS_DIR, manifest);
  });

  it("states facts that agree with what the recordings show", () => {
    checkFactsAgainstEvents(manifest);
  });

  it("records which bases were used, and names stand-ins honestly", () => {
    for (const base of Object.values(manifest.bases)) {
      if (base.origin === "stand-in") expect(base.ref).toMatch(/^course-stand-in\//);
      expect(base.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    for (const scenario of Object.values(manifest.scenarios)) expect(scenario.basesUsed.length).toBeGreaterThan(0);
  });

  it("rejects a manifest with a missing fact, naming where", () => {
    const broken = JSON.parse(readFileSync(manifestFile, "utf8"));
    delete broken.scenarios["stop-naive"].facts.exitCode;
    expect(() => parseManifest(broken)).toThrow(/scenarios\.stop-naive\.facts\.exitCode/);
  });
});
