"use client";

import type { ReactNode } from "react";
import { LazyIsland } from "@/components/lazy/lazy-island";

const load = () => import("./transcript-search").then((module) => module.TranscriptSearch);

/** A transcript's search loads when the transcript is opened: a closed <details> shows nothing to search. */
export function TranscriptSearchLoader({ scenario, children }: { scenario: string; children: ReactNode }) {
  return <LazyIsland load={load} props={{ scenario }} fallback={children} name="The transcript search" />;
}
