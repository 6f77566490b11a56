import Link from "next/link";
import { listChapters } from "@/lib/content/lessons.server";

export default function CourseIndexPage() {
  const chapters = listChapters();
  return (
    <div className="page page--narrow">
      <h1>Shipping Node.js in containers</h1>
      <p className="lede">
        Interview-ready lessons where every claim is backed by a real container run: you watch the naive and the
        optimized image being built, probed and stopped, then practise the questions.
      </p>
      {chapters.map((chapter) => (
        <section key={chapter.slug} className="chapter" aria-labelledby={`chapter-${chapter.slug}`}>
          <h2 id={`chapter-${chapter.slug}`}>
            Chapter {chapter.number}: {chapter.title}
          </h2>
          <ol className="lesson-list">
            {chapter.lessons.map((lesson) => (
              <li key={lesson.href} className="lesson-card">
                <Link href={lesson.href} className="lesson-card__link">
                  <span className="lesson-card__number">{lesson.frontmatter.lesson}</span>
                  <span className="lesson-card__title">{lesson.frontmatter.title}</span>
                </Link>
                <p className="lesson-card__summary">{lesson.frontmatter.summary}</p>
                <p className="lesson-card__meta">{lesson.frontmatter.readingTimeMinutes} min read</p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
