import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackgroundLayout } from "@/components/lesson/background-layout";
import { Breadcrumb } from "@/components/lesson/breadcrumb";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonPager } from "@/components/lesson/lesson-pager";
import { TableOfContents } from "@/components/lesson/table-of-contents";
import { MarkComplete } from "@/components/progress/mark-complete";
import { findLesson, getLesson, lessonRouteParams } from "@/lib/content/lessons.server";
import { withBasePath } from "@/lib/site/base-path";
import { deferLayoutBootScript } from "@/lib/site/deferred-layout";

interface LessonRoute {
  params: Promise<{ chapter: string; lesson: string }>;
}

export const dynamicParams = false;

export const generateStaticParams = lessonRouteParams;

export async function generateMetadata({ params }: LessonRoute): Promise<Metadata> {
  const { chapter, lesson: slug } = await params;
  const lesson = findLesson(chapter, slug);
  if (!lesson) return {};
  return { title: `${lesson.frontmatter.lesson} ${lesson.frontmatter.title}`, description: lesson.frontmatter.summary };
}

export default async function LessonPage({ params }: LessonRoute) {
  const { chapter, lesson: slug } = await params;
  const lesson = await getLesson(chapter, slug);
  if (!lesson) notFound();
  const { frontmatter } = lesson;
  return (
    <div className="page lesson-layout">
      <div className="lesson-layout__main">
        <Breadcrumb
          crumbs={[
            { label: "Course", href: "/" },
            {
              label: `Chapter ${frontmatter.chapter}: ${frontmatter.chapterTitle}`,
              href: `/#chapter-${lesson.chapterSlug}`,
            },
            { label: `${frontmatter.lesson} ${frontmatter.title}` },
          ]}
        />
        <header className="lesson-header">
          <p className="lesson-header__eyebrow">Lesson {frontmatter.lesson}</p>
          <h1>{frontmatter.title}</h1>
          <p className="lede">{frontmatter.summary}</p>
          <p className="lesson-header__meta">
            {frontmatter.readingTimeMinutes} min read
            {frontmatter.tags.length > 0 ? <> · {frontmatter.tags.join(", ")}</> : null}
            {lesson.compiled.presenterSteps.length > 0 ? (
              <>
                {" · "}
                <a href={withBasePath(`/present/${lesson.chapterSlug}/${lesson.slug}`)}>Present this lesson</a>
              </>
            ) : null}
          </p>
          <section className="objectives" aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">What you&apos;ll learn</h2>
            <ul>
              {frontmatter.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </section>
        </header>
      </div>
      {/* Between the header and the lesson on a phone; the sticky sidebar on a wide screen (globals.css). */}
      <TableOfContents entries={lesson.compiled.toc} />
      <div className="lesson-layout__main">
        <script dangerouslySetInnerHTML={{ __html: deferLayoutBootScript }} />
        <article className="prose">
          <LessonBody code={lesson.compiled.code} />
        </article>
        <BackgroundLayout />
        <MarkComplete lesson={lesson.id} title={frontmatter.title} />
        <LessonPager previous={lesson.previous} next={lesson.next} />
      </div>
    </div>
  );
}
