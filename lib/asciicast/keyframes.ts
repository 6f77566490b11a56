import * as z from "@/lib/site/zod";

/**
 * Output events between two build-time keyframes: a seek restores one keyframe and writes at most
 * this many events after it, whatever the recording's length.
 */
export const KEYFRAME_INTERVAL = 32;

/** The player terminal's scrollback in lines; keyframes are computed with the same, so a restore keeps what it kept. */
export const PLAYER_SCROLLBACK = 5000;

export const keyframesSchema = z.object({
  interval: z.int().check(z.minimum(1)),
  frames: z.array(z.object({ position: z.int().check(z.minimum(1)), screen: z.string() })),
});

export type Keyframes = z.infer<typeof keyframesSchema>;

/** Where a recording's keyframes are served: /recordings/<name>.cast → /keyframes/<name>.json. */
export function keyframesUrl(castUrl: string): string {
  const name =
    castUrl
      .split("/")
      .pop()
      ?.replace(/\.cast$/, "") ?? "";
  // Keyframes sit beside the recordings, under the same base path (a site hosted at /course/).
  const recordings = castUrl.lastIndexOf("/recordings/");
  const prefix = recordings > 0 ? castUrl.slice(0, recordings) : "";
  return `${prefix}/keyframes/${name}.json`;
}

/** The keyframes file's content, or a sentence saying what is wrong with it. */
export function parseKeyframes(json: unknown): Keyframes {
  const result = keyframesSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`its keyframes are malformed at ${issue.path.join(".") || "the top level"}: ${issue.message}`);
}
