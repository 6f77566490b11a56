import * as z from "@/lib/site/zod";
import { LAB_CHECKS, MAX_DOCKERFILE_BYTES, type LabCheckId } from "./checks";

export * from "./checks";

/**
 * The wire protocol between the lab panel (the page) and `npm run lab` (the learner's own runner):
 * the page POSTs one Dockerfile's text and reads the run back as NDJSON, one event per line, each
 * check sent the moment it has been measured.
 */

const checkIds = LAB_CHECKS.map((check) => check.id) as [LabCheckId, ...LabCheckId[]];

export const labRunRequestSchema = z.strictObject({
  dockerfile: z.string({ error: "send the Dockerfile's text as a string" }).check(
    z.minLength(1, { error: "the Dockerfile is empty" }),
    z.refine((text) => new TextEncoder().encode(text).length <= MAX_DOCKERFILE_BYTES, {
      error: `the Dockerfile is larger than ${MAX_DOCKERFILE_BYTES / 1024} KiB`,
    }),
  ),
});
export type LabRunRequest = z.infer<typeof labRunRequestSchema>;

export const labStatusSchema = z.strictObject({
  engine: z.boolean(),
  busy: z.boolean(),
  bases: z.enum(["stand-in", "official"]),
});
export type LabStatus = z.infer<typeof labStatusSchema>;

export const labCheckResultSchema = z.strictObject({
  id: z.enum(checkIds),
  passed: z.boolean(),
  /** What this run measured, for a person ("229 MB", "node (uid 1000)"). */
  measured: z.string(),
  /** The optimized image's value from the committed recordings' manifest. */
  optimized: z.string(),
  /** Why it passed or failed, in one sentence. */
  detail: z.string(),
});
export type LabCheckResult = z.infer<typeof labCheckResultSchema>;

export const labEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("accepted"), runId: z.string().check(z.minLength(1)) }),
  /** What the runner is doing now (building, starting the container…). */
  z.strictObject({ type: z.literal("phase"), message: z.string() }),
  /** Terminal output of the build and the commands, as the recording stores it. */
  z.strictObject({ type: z.literal("output"), data: z.string() }),
  z.strictObject({ type: z.literal("check"), result: labCheckResultSchema }),
  z.strictObject({
    type: z.literal("finished"),
    passed: z.int().check(z.nonnegative()),
    total: z.int().check(z.positive()),
    seconds: z.number().check(z.nonnegative()),
  }),
  z.strictObject({ type: z.literal("failed"), message: z.string() }),
  z.strictObject({ type: z.literal("cancelled"), removedContainers: z.array(z.string()) }),
]);
export type LabEvent = z.infer<typeof labEventSchema>;

/** Parses one NDJSON line from the runner; a line that is not a known event is a readable error. */
export function parseLabEvent(line: string): { ok: true; event: LabEvent } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, message: `the runner sent a line that is not JSON: ${line.slice(0, 80)}` };
  }
  const result = labEventSchema.safeParse(json);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    message: `the runner sent an event this page does not understand (is the runner from another version of the course?): ${line.slice(0, 80)}`,
  };
}
