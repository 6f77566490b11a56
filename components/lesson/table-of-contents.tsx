import type { TocEntry } from "@/lib/content/rehype-collect-headings";

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <p className="toc__heading" id="toc-heading">
        On this page
      </p>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className={`toc__item toc__item--${entry.depth}`}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
