import type { ReactNode } from "react";
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
/** Where each side's cargo sits in the scene (see Cargo). */
const NAIVE_BOXES = { x: 36, firstY: 58, width: 248, height: 28, pitch: 34, labelDx: 12, labelDy: 19 };
const OPTIMIZED_BOXES = { x: 376, firstY: 130, width: 176, height: 22, pitch: 28, labelDx: 10, labelDy: 15 };

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

interface Cargo {
  labels: string[];
  /** The boxes: left edge, first top, size and the distance from one top to the next. */
  x: number;
  firstY: number;
  width: number;
  height: number;
  pitch: number;
  /** Where each label's baseline starts in its box. */
  labelDx: number;
  labelDy: number;
  className: string | undefined;
}

/**
 * One container: its half of the 640 × 300 scene (`left` is where the half starts), in the scene's own units, so both
 * halves draw at one scale wherever they stand.
 */
function ContainerHalf({
  id,
  left,
  title,
  heading,
  box,
  ribs: rib,
  cargo,
  caption,
  children,
}: {
  id: string;
  left: number;
  title: string;
  heading: string;
  box: { x: number; width: number };
  ribs: { firstX: number; count: number };
  cargo: Cargo;
  caption: string;
  children?: ReactNode;
}) {
  const middle = left + 160;
  return (
    <svg viewBox={`${left} 0 320 300`} role="img" aria-labelledby={id} className={styles.svg}>
      <title id={id}>{title}</title>
      <text x={middle} y="28" className={styles.heading} textAnchor="middle">
        {heading}
      </text>
      <rect x={box.x} y="44" width={box.width} height="200" rx="6" className={styles.box} />
      <path d={ribs(rib.firstX, rib.count)} className={styles.rib} />
      <path
        d={cargoBoxes(cargo.labels.length, cargo.x, cargo.firstY, cargo.width, cargo.height, cargo.pitch)}
        className={cargo.className}
      />
      {cargo.labels.map((label, i) => (
        <text
          key={label}
          x={cargo.x + cargo.labelDx}
          y={cargo.firstY + cargo.labelDy + i * cargo.pitch}
          className={styles.cargoText}
        >
          {label}
        </text>
      ))}
      {children}
      <text x={middle} y="272" textAnchor="middle" className={styles.svgCaption}>
        {caption}
      </text>
    </svg>
  );
}

/**
 * The shipping-container analogy as a drawing: the same steel box, packed two ways. Two drawings of one scene, side
 * by side where each gets 20rem, one above the other on a phone, so the labels never shrink below a reader's 12 px.
 * Text is real SVG text (selectable, and each drawing has a title for screen readers).
 */
export function ContainerAnalogy() {
  const naiveSize = factValue(loadManifest(), "naiveImageSize");
  const optimizedSize = factValue(loadManifest(), "optimizedImageSize");
  return (
    <figure className={styles.figure}>
      <div className={styles.drawings}>
        <ContainerHalf
          id="container-analogy-naive"
          left={0}
          title={`The naive image (${naiveSize}) as a shipping container: crammed with a full operating system, build tools, dev dependencies, test files and a secret; its door is unlocked and its crew is root.`}
          heading={`Naive image · ${naiveSize}`}
          box={{ x: 20, width: 280 }}
          ribs={{ firstX: 48, count: 9 }}
          cargo={{ ...NAIVE_BOXES, labels: NAIVE_CARGO, className: styles.cargoBad }}
          caption="unlocked · crew: root · no health light"
        />
        <ContainerHalf
          id="container-analogy-optimized"
          left={320}
          title={`The optimized image (${optimizedSize}) as the same container: only the runtime, production dependencies and the built app; locked, crewed by the node user, with a health light.`}
          heading={`Optimized image · ${optimizedSize}`}
          box={{ x: 360, width: 240 }}
          ribs={{ firstX: 384, count: 8 }}
          cargo={{ ...OPTIMIZED_BOXES, labels: OPTIMIZED_CARGO, className: styles.cargoGood }}
          caption="locked · crew: node · health light on"
        >
          <circle cx="580" cy="64" r="9" className={styles.healthLight} />
          <text x="566" y="68" textAnchor="end" className={styles.small}>
            HEALTHCHECK
          </text>
          <rect x="562" y="196" width="24" height="30" rx="4" className={styles.lock} />
        </ContainerHalf>
      </div>
      <figcaption className={styles.caption}>
        Same box, same crane: the platform only ever sees the container. What you pack inside, and who holds the keys,
        is your job. Sizes are the images our recorder built and measured.
      </figcaption>
    </figure>
  );
}
