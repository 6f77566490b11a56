import type { TimelineEvent } from "@/lib/recordings/timeline";

/** What the client player needs about one scenario: small and serialisable (the cast itself is fetched lazily). */
export interface ScenarioSummary {
  name: string;
  title: string;
  /** URL of the .cast file (served by app/recordings). */
  src: string;
  cols: number;
  rows: number;
  /** Rows the recording prints into (at most `rows`): the terminal's height, so it shows no empty void. */
  screenRows: number;
  /** Playback time of the screen the poster shows before the player loads. */
  posterTime: number;
  duration: number;
  events: TimelineEvent[];
}
