import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";

/** One full-screen step of presenter mode: the lesson's title, then each of its sandboxes in order. */
export type PresenterStep =
  | { kind: "title"; id: string; heading: string; notes: string[] }
  | {
      kind: "sandbox";
      id: string;
      section: string;
      heading: string;
      scenarios: ScenarioSummary[];
      posters: string[];
      notes: string[];
    }
  | { kind: "error"; id: string; section: string; heading: string; message: string; notes: string[] };

export interface PresentedLesson {
  number: string;
  title: string;
  summary: string;
  objectives: string[];
  href: string;
  presentHref: string;
}
