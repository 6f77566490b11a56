import type { ScenarioName } from "@/lib/recordings/manifest-schema";
import type { Scenario } from "../scenario";
import { buildCache } from "./build-cache";
import { composeUp } from "./compose-up";
import { healthFlip } from "./health-flip";
import { pid1Matrix } from "./pid1-matrix";
import { rollingNaive, rollingNoDrainWindow, rollingOptimized } from "./rolling";
import { secretsAndUser } from "./secrets-and-user";
import { sizes } from "./sizes";
import { stopNaive } from "./stop-naive";
import { stopOptimized } from "./stop-optimized";
import { zombies } from "./zombies";

export const SCENARIOS: { [Name in ScenarioName]: Scenario<Name> } = {
  "stop-naive": stopNaive,
  "stop-optimized": stopOptimized,
  "health-flip": healthFlip,
  "pid1-matrix": pid1Matrix,
  zombies,
  sizes,
  "build-cache": buildCache,
  "secrets-and-user": secretsAndUser,
  "compose-up": composeUp,
  "rolling-naive": rollingNaive,
  "rolling-optimized": rollingOptimized,
  "rolling-no-drain-window": rollingNoDrainWindow,
};
