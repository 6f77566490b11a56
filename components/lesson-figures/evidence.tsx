import type { ReactNode } from "react";
import { deepLink } from "@/lib/player/deep-link";
import { recordedMoment } from "@/lib/recordings/scenarios.server";
import type { TimelineEvent } from "@/lib/recordings/timeline";

export interface EvidenceProps {
  /** The recording that shows the claim, e.g. "stop-naive". */
  scenario: string;
  /** The kind of moment, e.g. "sigterm", "request-end", "exit", "healthz", "zombies". */
  at: string;
  /** Which occurrence of that kind (1 = first). */
  occurrence?: number;
  children: ReactNode;
}

/**
 * Links a behavioural claim to the moment in a recording that shows it (`#stop-naive@2.5`),
 * which opens that sandbox at that time. The time comes from the recording, so a re-recording
 * moves the link with it; a moment that is missing fails the build.
 */
export function Evidence({ scenario, at, occurrence = 1, children }: EvidenceProps) {
  let event: TimelineEvent;
  try {
    event = recordedMoment(scenario, at, occurrence);
  } catch (error) {
    throw new Error(
      `<Evidence scenario="${scenario}" at="${at}">: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  // deepLink rounds up, so the link lands on or just after the marker, where the state panel already shows it.
  const href = deepLink(scenario, event.time);
  // The badge ("▶ docker stop: SIGTERM sent") is drawn by the stylesheet from data-moment, not an element of its own:
  // a lesson cites about thirty moments, and its first load is held to 2,000 elements.
  return (
    <a
      className="evidence"
      href={href}
      data-evidence-scenario={scenario}
      data-evidence-time={href.split("@")[1]}
      data-moment={event.label}
    >
      {children}
    </a>
  );
}
