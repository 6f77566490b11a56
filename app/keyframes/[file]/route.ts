import { computeKeyframes } from "@/lib/asciicast/keyframes.server";
import { parseAsciicast } from "@/lib/asciicast/parse";
import { listRecordingFiles, readRecordingFile } from "@/lib/recordings/scenarios.server";

/**
 * Serves /keyframes/<scenario>.json: the terminal keyframes of sandboxes/recordings/<scenario>.cast,
 * computed from the recording when the site is built (prerendered), fetched by the player with the
 * recording so a seek restores the nearest one instead of replaying from the start.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return listRecordingFiles()
    .filter((file) => file.endsWith(".cast"))
    .map((file) => ({ file: file.replace(/\.cast$/, ".json") }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const cast = readRecordingFile(file.replace(/\.json$/, ".cast"));
  if (!cast) return new Response(`No recording for ${file}`, { status: 404 });
  const keyframes = await computeKeyframes(parseAsciicast(cast.toString("utf8")));
  return Response.json(keyframes);
}
