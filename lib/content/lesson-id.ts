/**
 * `chapter-slug/lesson-slug`: how the progress store, quizzes and practice decks name a lesson. A
 * lesson is `content/<chapter-slug>/<lesson-slug>.mdx`, so the id is also its path under content/.
 */
export type LessonId = string;

export function lessonId(chapterSlug: string, lessonSlug: string): LessonId {
  return `${chapterSlug}/${lessonSlug}`;
}

/**
 * The lesson a content file belongs to: `content/<chapter>/<lesson>.mdx` and its companions such as
 * `<lesson>.practice.ts` → `<chapter>/<lesson>` (slugs are kebab-case, so the first dot ends the slug).
 */
export function lessonIdFromFile(file: string): LessonId {
  const [chapterSlug = "", fileName = ""] = file.replace(/\\/g, "/").split("/").slice(-2);
  return lessonId(chapterSlug, fileName.split(".")[0] ?? "");
}
