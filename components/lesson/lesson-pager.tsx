import { IntentLink } from "@/components/layout/intent-link";
import type { LessonSummary } from "@/lib/content/lessons.server";

export function LessonPager({ previous, next }: { previous?: LessonSummary; next?: LessonSummary }) {
  return (
    <nav className="pager" aria-label="Previous and next lessons">
      {previous ? (
        <IntentLink className="pager__link pager__link--previous" href={previous.href} rel="prev">
          <span className="pager__direction">Previous</span>
          <span>
            {previous.frontmatter.lesson} {previous.frontmatter.title}
          </span>
        </IntentLink>
      ) : (
        <IntentLink className="pager__link pager__link--previous" href="/">
          <span className="pager__direction">Back to</span>
          <span>Course overview</span>
        </IntentLink>
      )}
      {next ? (
        <IntentLink className="pager__link pager__link--next" href={next.href} rel="next">
          <span className="pager__direction">Next</span>
          <span>
            {next.frontmatter.lesson} {next.frontmatter.title}
          </span>
        </IntentLink>
      ) : null}
    </nav>
  );
}
