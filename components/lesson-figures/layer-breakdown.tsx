import { loadManifest } from "@/lib/recordings/manifest.server";

/** Where an image's bytes are, layer by layer, as the engine reports them (`docker history`). */
export function LayerBreakdown({ image }: { image: "naive image" | "optimized image" | "distroless image" }) {
  const found = loadManifest().scenarios.sizes.facts.images.find((entry) => entry.name === image);
  if (!found) throw new Error(`<LayerBreakdown image="${image}">: the sizes scenario did not measure it`);
  return (
    <div className="table-scroll">
      <table className="data-table" data-figure="layers">
        <caption>Layers of the {image}, biggest first (layers under 1 kB left out)</caption>
        <thead>
          <tr>
            <th scope="col">Size</th>
            <th scope="col">Created by</th>
          </tr>
        </thead>
        <tbody>
          {[...found.layers]
            .filter((layer) => layer.sizeBytes >= 1000)
            .sort((a, b) => b.sizeBytes - a.sizeBytes)
            .map((layer, index) => (
              <tr key={index}>
                <td className="num">{(layer.sizeBytes / 1e6).toFixed(1)} MB</td>
                <td>
                  <code>{layer.createdBy.length > 110 ? `${layer.createdBy.slice(0, 110)}…` : layer.createdBy}</code>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
