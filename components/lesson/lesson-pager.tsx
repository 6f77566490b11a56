import Link from "next/link";
import type { LessonSummary } from "@/lib/content/lessons.server";

export function LessonPager({ previous, next }: { previous?: LessonSummary; next?: LessonSummary }) {
  return (
    <nav className="pager" aria-label="Previous and next lessons">
      {previous ? (
        <Link className="pager__link pager__link--previous" href={previous.href} rel="prev">
          <span className="pager__direction">Previous</span>
          <span>
            {previous.frontmatter.lesson} {previous.frontmatter.title}
          </span>
        </Link>
      ) : (
        <Link className="pager__link pager__link--previous" href="/">
          <span className="pager__direction">Back to</span>
          <span>Course overview</span>
        </Link>
      )}
      {next ? (
        <Link className="pager__link pager__link--next" href={next.href} rel="next">
          <span className="pager__direction">Next</span>
          <span>
            {next.frontmatter.lesson} {next.frontmatter.title}
          </span>
        </Link>
      ) : null}
    </nav>
  );
}
