import "server-only";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { compileMdx, type CompiledMdx } from "./compile-mdx.server";
import { ContentError, parseFrontmatter, type LessonFrontmatter } from "./frontmatter";
import { lessonId, type LessonId } from "./lesson-id";

export interface LessonSummary {
  id: LessonId;
  chapterSlug: string;
  slug: string;
  href: string;
  file: string;
  frontmatter: LessonFrontmatter;
}

export interface Chapter {
  slug: string;
  number: number;
  title: string;
  lessons: LessonSummary[];
}

export interface Lesson extends LessonSummary {
  compiled: CompiledMdx;
  previous?: LessonSummary;
  next?: LessonSummary;
}

const DEFAULT_CONTENT_DIR = path.join(process.cwd(), "content");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function compareLessonNumbers(a: LessonSummary, b: LessonSummary): number {
  const [aChapter = 0, aLesson = 0] = a.frontmatter.lesson.split(".").map(Number);
  const [bChapter = 0, bLesson = 0] = b.frontmatter.lesson.split(".").map(Number);
  return aChapter - bChapter || aLesson - bLesson;
}

/** Every lesson, in course order. A lesson is content/<chapter-slug>/<lesson-slug>.mdx. */
export function listLessons(contentDir = DEFAULT_CONTENT_DIR): LessonSummary[] {
  const lessons: LessonSummary[] = [];
  // Lessons are read at build time only (every route is prerendered), so nothing here needs output tracing.
  for (const chapterEntry of readdirSync(/*turbopackIgnore: true*/ contentDir, { withFileTypes: true })) {
    if (!chapterEntry.isDirectory()) continue;
    const chapterDir = path.join(/*turbopackIgnore: true*/ contentDir, chapterEntry.name);
    for (const fileName of readdirSync(/*turbopackIgnore: true*/ chapterDir)) {
      if (!fileName.endsWith(".mdx")) continue;
      const file = path.join(/*turbopackIgnore: true*/ chapterDir, fileName);
      const relativeFile = path.relative(process.cwd(), file);
      const slug = fileName.replace(/\.mdx$/, "");
      if (!SLUG.test(chapterEntry.name) || !SLUG.test(slug)) {
        throw new ContentError(relativeFile, "folder and file names must be kebab-case slugs (a-z, 0-9, -)");
      }
      const frontmatter = parseFrontmatter(readFrontmatter(file, relativeFile), relativeFile);
      const id = lessonId(chapterEntry.name, slug);
      lessons.push({
        id,
        chapterSlug: chapterEntry.name,
        slug,
        href: `/learn/${chapterEntry.name}/${slug}`,
        file,
        frontmatter,
      });
    }
  }
  lessons.sort(compareLessonNumbers);
  assertUniqueLessonNumbers(lessons);
  return lessons;
}

function readFrontmatter(file: string, relativeFile: string): unknown {
  try {
    return matter(readFileSync(file, "utf8")).data;
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    // gray-matter counts lines inside the frontmatter block, which starts after the opening ---.
    throw new ContentError(relativeFile, `frontmatter is not valid YAML: ${reason}`, mark ? mark.line + 2 : undefined);
  }
}

function assertUniqueLessonNumbers(lessons: LessonSummary[]): void {
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    const other = seen.get(lesson.frontmatter.lesson);
    if (other) {
      throw new ContentError(
        path.relative(process.cwd(), lesson.file),
        `lesson number ${lesson.frontmatter.lesson} is also used by ${other}`,
      );
    }
    seen.set(lesson.frontmatter.lesson, path.relative(process.cwd(), lesson.file));
  }
}

export function listChapters(contentDir = DEFAULT_CONTENT_DIR): Chapter[] {
  const chapters = new Map<string, Chapter>();
  for (const lesson of listLessons(contentDir)) {
    const chapter = chapters.get(lesson.chapterSlug) ?? {
      slug: lesson.chapterSlug,
      number: lesson.frontmatter.chapter,
      title: lesson.frontmatter.chapterTitle,
      lessons: [],
    };
    chapter.lessons.push(lesson);
    chapters.set(lesson.chapterSlug, chapter);
  }
  return [...chapters.values()].sort((a, b) => a.number - b.number);
}

const compiled = new Map<string, Promise<CompiledMdx>>();

/** The params of every per-lesson route (`/learn/…`, `/present/…`): every lesson, prerendered. */
export function lessonRouteParams(): Array<{ chapter: string; lesson: string }> {
  return listLessons().map((lesson) => ({ chapter: lesson.chapterSlug, lesson: lesson.slug }));
}

export function findLesson(chapterSlug: string, slug: string): LessonSummary | undefined {
  return listLessons().find((lesson) => lesson.chapterSlug === chapterSlug && lesson.slug === slug);
}

export async function getLesson(
  chapterSlug: string,
  slug: string,
  contentDir = DEFAULT_CONTENT_DIR,
): Promise<Lesson | undefined> {
  const lessons = listLessons(contentDir);
  const index = lessons.findIndex((lesson) => lesson.chapterSlug === chapterSlug && lesson.slug === slug);
  const lesson = lessons[index];
  if (!lesson) return undefined;
  return { ...lesson, compiled: await compileLesson(lesson), previous: lessons[index - 1], next: lessons[index + 1] };
}

/** The lesson compiled: its code, table of contents, presenter steps and quizzes. */
export function compileLesson(lesson: LessonSummary): Promise<CompiledMdx> {
  const source = readFileSync(lesson.file, "utf8");
  // Keyed by content so `next dev` recompiles an edited lesson and a build compiles each once.
  const cacheKey = `${lesson.file}\0${source}`;
  let compilation = compiled.get(cacheKey);
  if (!compilation) {
    compilation = compileMdx(lesson.file, source);
    compiled.set(cacheKey, compilation);
  }
  return compilation;
}
