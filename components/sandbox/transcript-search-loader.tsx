"use client";

import { LazyIsland } from "@/components/lazy/lazy-island";
import styles from "./sandbox.module.css";

const load = () => import("./transcript-search").then((module) => module.TranscriptSearch);

/**
 * A transcript's search loads when the transcript is opened: a closed <details> shows nothing to search. Until then it
 * is an empty slot as tall as the box, not a disabled copy of it: four elements fewer per transcript in a lesson's
 * first load, and the transcript's text does not move when the box arrives.
 */
export function TranscriptSearchLoader({ scenario }: { scenario: string }) {
  return (
    <LazyIsland
      load={load}
      props={{ scenario }}
      fallback={null}
      name="The transcript search"
      className={styles.transcriptSearchSlot}
    />
  );
}
