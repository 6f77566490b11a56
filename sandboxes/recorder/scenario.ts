import type { ScenarioFacts, ScenarioName } from "@/lib/recordings/manifest-schema";
import type { ScenarioContext } from "./kit";

/** One recorded scenario: a real run whose terminal becomes the cast and whose measurements become facts. */
export interface Scenario<Name extends ScenarioName = ScenarioName> {
  name: Name;
  title: string;
  basesUsed: ("fat" | "slim" | "distroless")[];
  run(context: ScenarioContext): Promise<ScenarioFacts<Name>>;
}
