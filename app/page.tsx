import { IntentLink } from "@/components/layout/intent-link";
import { ContinueReading } from "@/components/progress/continue-reading";
import { compileLesson, listChapters, type LessonSummary } from "@/lib/content/lessons.server";
import { deepLink } from "@/lib/player/deep-link";
import { factValue } from "@/lib/recordings/facts";
import { loadManifest } from "@/lib/recordings/manifest.server";
import { recordedMoment } from "@/lib/recordings/scenarios.server";

/** A link to the first moment of a kind in a recording, on the page of the lesson whose sandbox replays it. */
async function momentLink(lessons: LessonSummary[], scenario: string, kind: string): Promise<string> {
  for (const lesson of lessons) {
    const { presenterSteps } = await compileLesson(lesson);
    if (presenterSteps.some((step) => step.scenarios.includes(scenario))) {
      // Rounded up, as <Evidence> does, so the link lands on or just after the moment.
      return `${lesson.href}${deepLink(scenario, Math.ceil(recordedMoment(scenario, kind).time * 10) / 10)}`;
    }
  }
  throw new Error(`the home page cites the ${scenario} recording, which no lesson replays`);
}

/** A link to a lesson's section by its heading id, for a fact a figure shows rather than a sandbox (the image sizes). */
async function sectionLink(lessons: LessonSummary[], headingId: string): Promise<string> {
  for (const lesson of lessons) {
    const { toc } = await compileLesson(lesson);
    if (toc.some((entry) => entry.id === headingId)) return `${lesson.href}#${headingId}`;
  }
  throw new Error(`the home page links to a section "#${headingId}", which no lesson has`);
}

export default async function CourseIndexPage() {
  const chapters = listChapters();
  const lessons = chapters.flatMap((chapter) => chapter.lessons);
  const manifest = loadManifest();
  const fact = (name: string) => factValue(manifest, name);
  const [sizes, naiveStop, optimizedStop, rollingDeploy] = await Promise.all([
    sectionLink(lessons, "image-size"),
    momentLink(lessons, "stop-naive", "request-end"),
    momentLink(lessons, "stop-optimized", "request-end"),
    momentLink(lessons, "rolling-naive", "deploy-start"),
  ]);
  return (
    <div className="page page--narrow page--home">
      <h1>Shipping Node.js in containers</h1>
      <p className="lede">
        Every claim here is a real container run, recorded on Docker {fact("dockerEngine")}. What the runs prove:
      </p>
      <ul className="proof" aria-label="What the recordings prove">
        <li className="proof__item" data-proof="size">
          <span className="proof__figure">
            {fact("naiveImageSize")} → {fact("optimizedImageSize")}
          </span>
          <span className="proof__text">
            the naive image against the optimized one, {fact("naiveOverOptimized")} smaller.{" "}
            <IntentLink href={sizes}>See the sizes measured</IntentLink>
          </span>
        </li>
        <li className="proof__item" data-proof="stop">
          <span className="proof__figure">
            {fact("naiveRequestFate")} vs {fact("optimizedRequestFate")}
          </span>
          <span className="proof__text">
            a request in flight when <code>docker stop</code> hits the naive image, and the optimized one.{" "}
            <IntentLink href={naiveStop}>Watch the naive stop</IntentLink> and{" "}
            <IntentLink href={optimizedStop}>the optimized one</IntentLink>
          </span>
        </li>
        <li className="proof__item" data-proof="rolling">
          <span className="proof__figure">
            {fact("rollingNaiveFailed")} vs {fact("rollingOptimizedFailed")}
          </span>
          <span className="proof__text">
            failed requests of {fact("rollingOptimizedSent")} in a rolling deploy at {fact("rollingRate")}.{" "}
            <IntentLink href={rollingDeploy}>Watch the deploy</IntentLink>
          </span>
        </li>
      </ul>
      <ContinueReading
        lessons={lessons.map((lesson) => ({
          id: lesson.id,
          title: `${lesson.frontmatter.lesson} ${lesson.frontmatter.title}`,
          href: lesson.href,
        }))}
      />
      {chapters.map((chapter) => (
        <section key={chapter.slug} className="chapter" aria-labelledby={`chapter-${chapter.slug}`}>
          <h2 id={`chapter-${chapter.slug}`}>
            Chapter {chapter.number}: {chapter.title}
          </h2>
          <ol className="lesson-list">
            {chapter.lessons.map((lesson) => (
              <li key={lesson.href} className="lesson-card">
                <IntentLink href={lesson.href} className="lesson-card__link">
                  <span className="lesson-card__number">{lesson.frontmatter.lesson}</span>
                  <span className="lesson-card__title">{lesson.frontmatter.title}</span>
                </IntentLink>
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
