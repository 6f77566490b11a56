import { loadManifest } from "@/lib/recordings/manifest.server";

const MB = 1e6;

/**
 * The measured size ladder: every base and image, uncompressed and compressed (`docker save | gzip`,
 * roughly what a pull transfers), against the physical floor. Bars are plain HTML so they print and read well.
 */
export function SizeLadder() {
  const { images, floor } = loadManifest().scenarios.sizes.facts;
  const largest = Math.max(...images.map((image) => image.uncompressedBytes));
  const width = (bytes: number) => `${Math.max(0.5, (bytes / largest) * 100).toFixed(2)}%`;
  const rows = [
    ...images,
    { name: "the floor", kind: "floor" as const, uncompressedBytes: floor.totalBytes, compressedBytes: undefined },
  ];
  return (
    <figure className="size-ladder" data-figure="size-ladder">
      <table className="data-table">
        <caption>
          Measured sizes (MB = 10⁶ bytes). Compressed = <code>docker save | gzip</code>, roughly what a registry pull
          transfers.
        </caption>
        <thead>
          <tr>
            <th scope="col">Image</th>
            <th scope="col">Uncompressed</th>
            <th scope="col">Compressed</th>
            <th scope="col" className="size-ladder__bar-heading">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} data-kind={row.kind} data-bytes={row.uncompressedBytes}>
              <th scope="row">{row.name}</th>
              <td className="num">{(row.uncompressedBytes / MB).toFixed(0)} MB</td>
              <td className="num">
                {row.compressedBytes === undefined ? "—" : `${(row.compressedBytes / MB).toFixed(0)} MB`}
              </td>
              <td className="size-ladder__bar-cell" aria-hidden="true">
                <span
                  className={`size-ladder__bar size-ladder__bar--${row.kind}`}
                  style={{ width: width(row.uncompressedBytes) }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        The floor is what the service physically needs: the node binary ({(floor.nodeBinaryBytes / MB).toFixed(0)} MB),
        the shared libraries it links ({(floor.sharedLibrariesBytes / MB).toFixed(1)} MB), production dependencies (
        {(floor.prodNodeModulesBytes / MB).toFixed(1)} MB) and the built app ({(floor.appBytes / 1e3).toFixed(0)} kB).
      </figcaption>
    </figure>
  );
}
