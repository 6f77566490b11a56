import type { TocEntry } from "@/lib/content/rehype-collect-headings";
import { HeaderOffset } from "./header-offset";

function TocList({ entries }: { entries: TocEntry[] }) {
  return (
    <ol>
      {entries.map((entry) => (
        <li key={entry.id} className={`toc__item toc__item--${entry.depth}`}>
          <a href={`#${entry.id}`}>{entry.text}</a>
        </li>
      ))}
    </ol>
  );
}

/**
 * Wide screens get a sticky sidebar; phones get a collapsed list under the lesson header.
 * Only one of the two is displayed at a time, so assistive tech meets one "On this page".
 */
export function TableOfContents({ entries, variant }: { entries: TocEntry[]; variant: "sidebar" | "collapsible" }) {
  if (entries.length === 0) return null;
  if (variant === "collapsible") {
    // The lesson renders both variants; the collapsible one carries the one header measurer both rely on.
    return (
      <nav className="toc toc--collapsible" aria-label="On this page">
        <HeaderOffset />
        <details>
          <summary>On this page</summary>
          <TocList entries={entries} />
        </details>
      </nav>
    );
  }
  return (
    <nav className="toc toc--sidebar" aria-label="On this page">
      <p className="toc__heading" aria-hidden="true">
        On this page
      </p>
      <TocList entries={entries} />
    </nav>
  );
}
