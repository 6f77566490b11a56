import * as z from "@/lib/site/zod";

/** zod's default wording ("expected string, received undefined") is for programmers; authors get this. */
const expected = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `is required (${what})` : `must be ${what}`;

const nonEmpty = (what: string) =>
  z.string({ error: expected(what) }).check(z.trim(), z.minLength(1, "must not be empty"));

export const lessonFrontmatterSchema = z
  .strictObject({
    title: nonEmpty("the lesson's title"),
    chapter: z.int({ error: expected("a whole number, e.g. 10") }).check(z.positive()),
    chapterTitle: nonEmpty("the chapter's title"),
    lesson: z
      .string({ error: expected('a quoted string like "10.4"') })
      .check(z.regex(/^\d+\.\d+$/, 'must look like "10.4" (chapter.lesson)')),
    summary: nonEmpty("a one-sentence summary"),
    readingTimeMinutes: z.int({ error: expected("a number of minutes, e.g. 25") }).check(z.positive()),
    objectives: z
      .array(nonEmpty("a sentence"), { error: expected("a list of learning objectives") })
      .check(z.minLength(1, "needs at least one learning objective")),
    tags: z._default(z.array(nonEmpty("a word"), { error: expected("a list of tags") }), []),
  })
  .check(
    z.refine((fm) => fm.lesson.split(".")[0] === String(fm.chapter), {
      message: "must start with the chapter number",
      path: ["lesson"],
    }),
  );

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
