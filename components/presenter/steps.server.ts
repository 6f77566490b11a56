import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findLesson, getLesson, type Lesson } from "@/lib/content/lessons.server";
import { loadScenarioGroup } from "@/lib/recordings/scenarios.server";
import { withBasePath } from "@/lib/site/base-path";
import { KEY_HELP } from "./keys";
import type { PresentedLesson, PresenterStep } from "./types";

function presentedLesson(lesson: Lesson): PresentedLesson {
  const { frontmatter } = lesson;
  return {
    number: frontmatter.lesson,
    title: frontmatter.title,
    summary: frontmatter.summary,
    objectives: frontmatter.objectives,
    // Both are used as plain URLs (an <a>, window.open, the offline copy), never through next/link.
    href: withBasePath(lesson.href),
    presentHref: withBasePath(`/present/${lesson.chapterSlug}/${lesson.slug}`),
  };
}

/** The lesson's sandboxes as presenter steps, after a title step. A recording that cannot load becomes an error step, never a crash. */
function presenterSteps(lesson: Lesson): PresenterStep[] {
  const title: PresenterStep = {
    kind: "title",
    id: "title",
    heading: `${lesson.frontmatter.lesson} ${lesson.frontmatter.title}`,
    notes: KEY_HELP.map(([keys, action]) => `${keys}: ${action}`),
  };
  return [
    title,
    ...lesson.compiled.presenterSteps.map((source): PresenterStep => {
      const id = source.scenarios.join("-vs-");
      const { title: heading, ready, failed } = loadScenarioGroup(source.scenarios, source.title);
      if (failed.length > 0) {
        const message = failed.map((entry) => entry.error).join(" ");
        return { kind: "error", id, section: source.section, heading, message, notes: source.notes };
      }
      return {
        kind: "sandbox",
        id,
        section: source.section,
        heading,
        scenarios: ready.map((entry) => entry.summary),
        posters: ready.map((entry) => entry.poster),
        notes: source.notes,
      };
    }),
  ];
}

export type LessonParams = Promise<{ chapter: string; lesson: string }>;

/** The presenter and notes pages' data: the lesson (or a 404) and its steps. */
export async function loadPresentation(
  params: LessonParams,
): Promise<{ lesson: PresentedLesson; steps: PresenterStep[] }> {
  const { chapter, lesson: slug } = await params;
  const lesson = await getLesson(chapter, slug);
  if (!lesson) notFound();
  return { lesson: presentedLesson(lesson), steps: presenterSteps(lesson) };
}

/**
 * "<label>: 10.4 Dockerizing Node.js", described as what it is for. Searchable like every page: an instructor looking
 * for a room-ready version of the lesson should find it (issue 17 budgets SEO at 100 on every route, and a noindex
 * page fails Lighthouse's crawlability audit).
 */
export async function presentationMetadata(params: LessonParams, label: string): Promise<Metadata> {
  const { chapter, lesson: slug } = await params;
  const lesson = findLesson(chapter, slug);
  if (!lesson) return {};
  const { lesson: number, title } = lesson.frontmatter;
  return {
    title: `${label}: ${number} ${title}`,
    description: `Lesson ${number} ${title}, ready to teach to a room: its recorded container runs full-screen, one step at a time, with speaker notes.`,
  };
}
