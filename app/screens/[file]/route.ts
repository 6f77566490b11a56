import { parseAsciicast } from "@/lib/asciicast/parse";
import { screensOf } from "@/lib/asciicast/screens.server";
import { listRecordingFiles, readRecordingFile } from "@/lib/recordings/scenarios.server";

/**
 * Serves /screens/<scenario>.json: what the terminal of sandboxes/recordings/<scenario>.cast shows
 * after each output event, computed from the recording when the site is built (prerendered) and
 * fetched by the player with the recording, which then only draws rows.
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
  return Response.json(await screensOf(parseAsciicast(cast.toString("utf8"))));
}
