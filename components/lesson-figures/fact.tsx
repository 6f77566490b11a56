import { factValue } from "@/lib/recordings/facts";
import { loadManifest } from "@/lib/recordings/manifest.server";

/** A measured figure, read from the recorder's manifest at build time: never typed into a lesson. */
export function Fact({ name }: { name: string }) {
  return <span className="fact">{factValue(loadManifest(), name)}</span>;
}
