import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCENARIO_NAMES, parseManifest, type ScenarioName } from "@/lib/recordings/manifest-schema";
import { FACTS, factMoment, factValue } from "./facts";
import { recordedMoment } from "./scenarios.server";

const contentDir = path.join(process.cwd(), "content");
const lessons = readdirSync(contentDir, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".mdx"))
  .map((file) => ({ file, source: readFileSync(path.join(contentDir, file), "utf8") }));
const manifest = parseManifest(
  JSON.parse(readFileSync(path.join(process.cwd(), "sandboxes/recordings/manifest.json"), "utf8")),
);

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`${name}=(?:"([^"]*)"|\\{(\\d+)\\})`)
    .exec(tag)
    ?.slice(1)
    .find((value) => value !== undefined);
}

describe("what the lessons cite from the recordings", () => {
  it("every <Fact> names a known fact that the committed manifest can answer", () => {
    const names = lessons.flatMap(({ source }) =>
      [...source.matchAll(/<Fact\s+name="([^"]+)"/g)].map((match) => match[1]!),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(Object.keys(FACTS), `fact "${name}"`).toContain(name);
      expect(factValue(manifest, name)).not.toBe("");
    }
  });

  it("every <Evidence> points at a moment that exists in its recording", () => {
    const tags = lessons.flatMap(({ source }) => [...source.matchAll(/<Evidence\s[^>]*>/g)].map((match) => match[0]));
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      const scenario = attribute(tag, "scenario") as ScenarioName;
      expect(SCENARIO_NAMES, tag).toContain(scenario);
      expect(
        () => recordedMoment(scenario, attribute(tag, "at") ?? "", Number(attribute(tag, "occurrence") ?? 1)),
        tag,
      ).not.toThrow();
    }
  });

  it("every <PredictOutcome> fact has a moment in its recording where the answer shows", () => {
    const facts = lessons.flatMap(({ source }) =>
      [...source.matchAll(/<PredictOutcome\s[^>]*?fact="([^"]+)"/g)].map((match) => match[1]!),
    );
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      const moment = factMoment(fact);
      expect(() => recordedMoment(moment.scenario, moment.at, moment.occurrence ?? 1), fact).not.toThrow();
    }
  });

  it("an unknown fact or a missing moment is an error that names it", () => {
    expect(() => factValue(manifest, "imageSizeOfTheMoon")).toThrow(
      '<Fact name="imageSizeOfTheMoon"> is not a known fact',
    );
    expect(() => factMoment("recordedOn")).toThrow('the fact "recordedOn" has no recorded moment');
    expect(() => recordedMoment("stop-naive", "fireworks")).toThrow(
      'the stop-naive recording has no event of kind "fireworks"',
    );
  });
});
