import { factValue } from "@/lib/recordings/facts";
import { loadManifest } from "@/lib/recordings/manifest.server";
import styles from "./container-analogy.module.css";

const NAIVE_CARGO = [
  "full Debian + gcc, python",
  "devDependencies",
  "tests and README",
  ".env with a secret",
  "npm as PID 1",
];
const OPTIMIZED_CARGO = ["slim runtime", "production deps", "built dist/", "tini as PID 1"];

/** A container's corrugation: vertical ribs 28 apart, as one path (one element rather than one per rib). */
const ribs = (firstX: number, count: number) =>
  Array.from({ length: count }, (_, i) => `M${firstX + i * 28} 50V238`).join("");

/**
 * A stack of cargo boxes with 4-unit rounded corners, `pitch` apart downwards, as one path: one element rather than a
 * rect per box.
 */
function cargoBoxes(count: number, x: number, firstY: number, width: number, height: number, pitch: number): string {
  const r = 4;
  const corner = (dx: number, dy: number) => `a${r} ${r} 0 0 1 ${dx} ${dy}`;
  return Array.from(
    { length: count },
    (_, i) =>
      `M${x + r} ${firstY + i * pitch}h${width - 2 * r}${corner(r, r)}v${height - 2 * r}${corner(-r, r)}` +
      `h${2 * r - width}${corner(-r, -r)}v${2 * r - height}${corner(r, -r)}z`,
  ).join("");
}

/**
 * The shipping-container analogy as a drawing: the same steel box, packed two ways.
 * Text is real SVG text (selectable, read by screen readers through the figure caption).
 */
export function ContainerAnalogy() {
  const naiveSize = factValue(loadManifest(), "naiveImageSize");
  const optimizedSize = factValue(loadManifest(), "optimizedImageSize");
  return (
    <figure className={styles.figure}>
      {/*
        Two drawings in the same units (one 640 × 300 scene, each showing its half): side by side where both fit at
        full size or more, one above the other on a phone, so the labels never shrink below a reader's 12 px.
      */}
      <div className={styles.drawings}>
        <svg viewBox="0 0 320 300" role="img" aria-labelledby="container-analogy-naive" className={styles.svg}>
          <title id="container-analogy-naive">
            {`The naive image (${naiveSize}) as a shipping container: crammed with a full operating system, build tools, dev dependencies, test files and a secret; its door is unlocked and its crew is root.`}
          </title>
          <g className={styles.naive}>
            <text x="160" y="28" className={styles.heading} textAnchor="middle">
              Naive image · {naiveSize}
            </text>
            <rect x="20" y="44" width="280" height="200" rx="6" className={styles.box} />
            <path d={ribs(48, 9)} className={styles.rib} />
            <path d={cargoBoxes(NAIVE_CARGO.length, 36, 58, 248, 28, 34)} className={styles.cargoBad} />
            {NAIVE_CARGO.map((label, i) => (
              <text key={label} x="48" y={77 + i * 34} className={styles.cargoText}>
                {label}
              </text>
            ))}
            <text x="160" y="272" textAnchor="middle" className={styles.svgCaption}>
              unlocked · crew: root · no health light
            </text>
          </g>
        </svg>
        <svg viewBox="320 0 320 300" role="img" aria-labelledby="container-analogy-optimized" className={styles.svg}>
          <title id="container-analogy-optimized">
            {`The optimized image (${optimizedSize}) as the same container: only the runtime, production dependencies and the built app; locked, crewed by the node user, with a health light.`}
          </title>
          <g className={styles.optimized}>
            <text x="480" y="28" className={styles.heading} textAnchor="middle">
              Optimized image · {optimizedSize}
            </text>
            <rect x="360" y="44" width="240" height="200" rx="6" className={styles.box} />
            <path d={ribs(384, 8)} className={styles.rib} />
            <path d={cargoBoxes(OPTIMIZED_CARGO.length, 376, 130, 176, 22, 28)} className={styles.cargoGood} />
            {OPTIMIZED_CARGO.map((label, i) => (
              <text key={label} x="386" y={145 + i * 28} className={styles.cargoText}>
                {label}
              </text>
            ))}
            <circle cx="580" cy="64" r="9" className={styles.healthLight} />
            <text x="566" y="68" textAnchor="end" className={styles.small}>
              HEALTHCHECK
            </text>
            <rect x="562" y="196" width="24" height="30" rx="4" className={styles.lock} />
            <text x="480" y="272" textAnchor="middle" className={styles.svgCaption}>
              locked · crew: node · health light on
            </text>
          </g>
        </svg>
      </div>
      <figcaption className={styles.caption}>
        Same box, same crane: the platform only ever sees the container. What you pack inside, and who holds the keys,
        is your job. Sizes are the images our recorder built and measured.
      </figcaption>
    </figure>
  );
}
