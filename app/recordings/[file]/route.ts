import { listRecordingFiles, readRecordingFile } from "@/lib/recordings/scenarios.server";

/**
 * Serves sandboxes/recordings/* at /recordings/<file>, prerendered at build time: the player
 * fetches a recording only when a sandbox nears the viewport, and nothing is copied to public/.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return listRecordingFiles().map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const body = readRecordingFile(file);
  if (!body) return new Response(`No recording named ${file}`, { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: {
      // asciinema's media type for .cast files
      "content-type": file.endsWith(".cast")
        ? "application/x-asciicast; charset=utf-8"
        : "application/json; charset=utf-8",
    },
  });
}
