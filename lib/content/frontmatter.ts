import { z } from "@/lib/site/zod";

/** zod's default wording ("expected string, received undefined") is for programmers; authors get this. */
const expected = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `is required (${what})` : `must be ${what}`;

const nonEmpty = (what: string) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, "must not be empty");

export const lessonFrontmatterSchema = z
  .object({
    title: nonEmpty("the lesson's title"),
    chapter: z
      .number({ error: expected("a whole number, e.g. 10") })
      .int()
      .positive(),
    chapterTitle: nonEmpty("the chapter's title"),
    lesson: z
      .string({ error: expected('a quoted string like "10.4"') })
      .regex(/^\d+\.\d+$/, 'must look like "10.4" (chapter.lesson)'),
    summary: nonEmpty("a one-sentence summary"),
    readingTimeMinutes: z
      .number({ error: expected("a number of minutes, e.g. 25") })
      .int()
      .positive(),
    objectives: z
      .array(nonEmpty("a sentence"), { error: expected("a list of learning objectives") })
      .min(1, "needs at least one learning objective"),
    tags: z.array(nonEmpty("a word"), { error: expected("a list of tags") }).default([]),
  })
  .strict()
  .refine((fm) => fm.lesson.split(".")[0] === String(fm.chapter), {
    message: "must start with the chapter number",
    path: ["lesson"],
  });

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/** A content mistake, reported as `file[:line[:column]]: message` so an author can jump to it. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    const where = [file, line, column].filter((part) => part !== undefined).join(":");
    super(`${where}: ${detail}`);
    this.name = "ContentError";
  }
}

export function parseFrontmatter(data: unknown, file: string): LessonFrontmatter {
  const result = lessonFrontmatterSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join(".") || "(frontmatter)";
    const message = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue.message;
    return `field "${field}": ${message}`;
  });
  throw new ContentError(file, `invalid frontmatter\n  - ${problems.join("\n  - ")}`);
}
