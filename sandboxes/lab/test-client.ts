import { streamLabRun as streamRun } from "@/lib/lab/client";
import type { LabEvent } from "@/lib/lab/protocol";

/**
 * Starts a lab run through the page's own client and collects its events (tests only).
 * `onEvent` returning true closes the stream, as a page's Cancel or a closed tab does.
 */
export async function streamLabRun(
  base: string,
  token: string,
  dockerfile: string,
  onEvent: (event: LabEvent) => boolean | void = () => {},
): Promise<{ events: LabEvent[] }> {
  const controller = new AbortController();
  const events: LabEvent[] = [];
  try {
    const { refused } = await streamRun(
      { origin: base, token },
      dockerfile,
      (event) => {
        events.push(event);
        if (onEvent(event) === true) controller.abort();
      },
      controller.signal,
    );
    if (refused) throw new Error(refused);
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { events };
}
