"use client";

import { createContext } from "react";
import type { RecordedLabCheck } from "@/lib/exercise/lab-reference";

/**
 * The recorder's measured values for each check a real run makes, read from the manifest when the
 * lesson prerenders and provided by the exercise island, so the lab panel shows them without
 * bundling the manifest.
 */
export const RecordedLabChecks = createContext<readonly RecordedLabCheck[]>([]);
