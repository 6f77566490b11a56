import type { TocEntry } from "@/lib/content/rehype-collect-headings";
import { HeaderOffset } from "./header-offset";
import { SidebarDisclosure } from "./sidebar-disclosure";

/**
 * The lesson's "On this page", rendered once: a collapsed list under the lesson header on a phone, the sticky sidebar
 * on a wide screen, where CSS shows the list and SidebarDisclosure keeps it open (globals.css, `.toc`).
 */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-label="On this page">
      <HeaderOffset />
      <SidebarDisclosure />
      <details>
        <summary>On this page</summary>
        <ol>
          {entries.map((entry) => (
            <li key={entry.id} className={`toc__item toc__item--${entry.depth}`}>
              <a href={`#${entry.id}`}>{entry.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
