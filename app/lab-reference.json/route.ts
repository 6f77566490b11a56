import { labReference } from "@/lib/lab/protocol";
import { loadManifest } from "@/lib/recordings/manifest.server";

/**
 * What a real lab run checks, with the recordings' measured naive and optimized values, as a small
 * JSON file prerendered at build time: the lab panel fetches it only when it shows, so the lesson's
 * first load carries none of the manifest.
 */
export const dynamic = "force-static";

export function GET() {
  return Response.json(labReference(loadManifest()));
}
