import {
  LAB_TOKEN_HEADER,
  labStatusSchema,
  parseLabEvent,
  type LabEvent,
  type LabStatus,
  type RunnerAddress,
} from "./protocol";

/** Talks to `npm run lab` from the page (and from the runner's tests): every call carries the token. */

const headersFor = (address: RunnerAddress, json = false): Record<string, string> => ({
  [LAB_TOKEN_HEADER]: address.token,
  ...(json ? { "content-type": "application/json" } : {}),
});

async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string; refusals?: { line: number; message: string }[] };
    const lines = body.refusals?.map((refusal) => `line ${refusal.line}: ${refusal.message}`) ?? [];
    return [body.error ?? `the runner answered HTTP ${response.status}`, ...lines].join("\n");
  } catch {
    return `the runner answered HTTP ${response.status}`;
  }
}

/** The runner's status, or a message a person understands; an unanswered request gives up after 3 s. */
export async function fetchLabStatus(
  address: RunnerAddress,
): Promise<{ ok: true; status: LabStatus } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch(`${address.origin}/api/status`, {
      headers: headersFor(address),
      signal: AbortSignal.timeout(3_000),
    });
  } catch {
    return { ok: false, message: `no runner answers at ${address.origin}: is \`npm run lab\` running?` };
  }
  if (!response.ok) return { ok: false, message: await errorOf(response) };
  const parsed = labStatusSchema.safeParse(await response.json().catch(() => null));
  return parsed.success
    ? { ok: true, status: parsed.data }
    : { ok: false, message: "the runner's status is not one this page understands (another version of the course?)" };
}

/**
 * Sends the Dockerfile and reads the run's NDJSON stream, calling `onEvent` for each event as it
 * arrives. Resolves when the stream ends; an HTTP refusal resolves `{ refused: message }`.
 * Aborting `signal` closes the stream, which the runner reads as a cancel.
 */
export async function streamLabRun(
  address: RunnerAddress,
  dockerfile: string,
  onEvent: (event: LabEvent) => void,
  signal?: AbortSignal,
): Promise<{ refused?: string }> {
  const response = await fetch(`${address.origin}/api/runs`, {
    method: "POST",
    headers: headersFor(address, true),
    body: JSON.stringify({ dockerfile }),
    signal,
  });
  if (!response.ok || !response.body) return { refused: await errorOf(response) };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const parsed = parseLabEvent(line);
      if (!parsed.ok) throw new Error(parsed.message);
      onEvent(parsed.event);
    }
  }
  return {};
}

export async function cancelLabRun(address: RunnerAddress): Promise<void> {
  await fetch(`${address.origin}/api/runs/current`, { method: "DELETE", headers: headersFor(address) });
}

/** Asks the runner to write the finished run as an asciicast recording; resolves with the file it wrote. */
export async function saveLabRun(
  address: RunnerAddress,
  runId: string,
): Promise<{ ok: true; file: string } | { ok: false; message: string }> {
  const response = await fetch(`${address.origin}/api/runs/${runId}/save`, {
    method: "POST",
    headers: headersFor(address),
  });
  if (!response.ok) return { ok: false, message: await errorOf(response) };
  const body = (await response.json()) as { cast?: unknown };
  return typeof body.cast === "string"
    ? { ok: true, file: body.cast }
    : { ok: false, message: "the runner did not say where it saved" };
}
