import { LAB_TOKEN_HEADER, parseLabEvent, type LabEvent } from "@/lib/lab/protocol";

/**
 * Starts a lab run and reads its NDJSON stream to the end (tests only). `onEvent` returning true
 * stops reading and closes the stream, as a page's Cancel or a closed tab does.
 */
export async function streamLabRun(
  base: string,
  token: string,
  dockerfile: string,
  onEvent: (event: LabEvent) => boolean | void = () => {},
): Promise<{ status: number; events: LabEvent[] }> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/runs`, {
    method: "POST",
    headers: { [LAB_TOKEN_HEADER]: token, "content-type": "application/json" },
    body: JSON.stringify({ dockerfile }),
    signal: controller.signal,
  });
  const events: LabEvent[] = [];
  if (!response.body) throw new Error(`no stream: HTTP ${response.status}`);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const parsed = parseLabEvent(line);
        if (!parsed.ok) throw new Error(parsed.message);
        events.push(parsed.event);
        if (onEvent(parsed.event) === true) {
          controller.abort();
          return { status: response.status, events };
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { status: response.status, events };
}
