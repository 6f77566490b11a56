import type { CellStyle, Row, Screens } from "@/lib/asciicast/screens";
import type { FontSized } from "./fit";
import styles from "./sandbox.module.css";

/** A row's height in ems: the same as the poster's and the reserved screen's (sandbox.module.css). */
const LINE_HEIGHT = 1.18;

/** A style as CSS declarations, applied through the CSSOM (the Content-Security-Policy allows no inline style markup). */
function cssText(style: CellStyle): string {
  return [
    style.color ? `color:${style.color}` : "",
    style.background ? `background:${style.background}` : "",
    style.bold ? "font-weight:bold" : "",
    style.italic ? "font-style:italic" : "",
    style.underline || style.strikethrough
      ? `text-decoration:${[style.underline ? "underline" : "", style.strikethrough ? "line-through" : ""].join(" ")}`
      : "",
  ]
    .filter(Boolean)
    .join(";");
}

/**
 * Draws a recording's screen as rows of text: one element per row, one span per run of styled cells.
 * Painting redraws only the rows whose value changed since the last paint (a row that did not change
 * keeps its identity in ScreenTimeline), at once, in the caller's task. Its box has the screen's size in
 * ch and em, and contains its own layout and paint, so a redrawn screen is laid out and painted alone.
 */
export class ScreenView implements FontSized {
  private readonly element: HTMLDivElement;
  private readonly rowElements: HTMLDivElement[];
  private readonly shown: Array<Row | undefined>;
  private readonly styleTexts: string[];

  constructor(
    container: HTMLElement,
    screens: Pick<Screens, "cols" | "rows" | "styles">,
    private size: number,
  ) {
    this.styleTexts = screens.styles.map(cssText);
    this.element = document.createElement("div");
    this.element.className = styles.screenRows ?? "";
    // The transcript below the player has the same text, for screen readers and find-in-page.
    this.element.setAttribute("aria-hidden", "true");
    this.element.dataset.screen = "";
    this.element.style.width = `${screens.cols}ch`;
    // Rounded up to whole pixels where the browser can (else the line above stands): a screen wider than a phone
    // scrolls sideways, and a scroll range ends on a whole pixel, so a fraction past it would stay hidden.
    this.element.style.width = `round(up, ${screens.cols}ch, 1px)`;
    this.element.style.height = `${screens.rows * LINE_HEIGHT}em`;
    this.element.style.fontSize = `${size}px`;
    this.rowElements = Array.from({ length: screens.rows }, () =>
      this.element.appendChild(document.createElement("div")),
    );
    this.shown = new Array<Row | undefined>(screens.rows);
    container.appendChild(this.element);
  }

  paint(rows: readonly Row[]): void {
    rows.forEach((row, index) => {
      if (this.shown[index] === row) return;
      this.shown[index] = row;
      this.rowElements[index]!.replaceChildren(
        ...row.map(([text, style]) => {
          if (style === 0) return text;
          const span = document.createElement("span");
          span.style.cssText = this.styleTexts[style]!;
          span.textContent = text;
          return span;
        }),
      );
    });
  }

  get fontSize(): number {
    return this.size;
  }

  set fontSize(size: number) {
    this.size = size;
    this.element.style.fontSize = `${size}px`;
  }

  usedWidth(): number {
    return this.element.getBoundingClientRect().width;
  }

  dispose(): void {
    this.element.remove();
  }
}
