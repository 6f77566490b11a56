import path from "node:path";
import { describe, expect, it } from "vitest";
import { getLesson, listChapters, listLessons } from "./lessons.server";

const fixtures = path.join(__dirname, "__fixtures__");
const fixture = (name: string) => path.join(fixtures, name);

describe("course structure", () => {
  it("orders lessons by lesson number and groups them into chapters", () => {
    expect(listLessons(fixture("valid")).map((lesson) => lesson.frontmatter.lesson)).toEqual(["1.1", "1.2", "2.1"]);
    const chapters = listChapters(fixture("valid"));
    expect(chapters.map((chapter) => [chapter.number, chapter.title, chapter.lessons.length])).toEqual([
      [1, "Basics", 2],
      [2, "Advanced", 1],
    ]);
    expect(listLessons(fixture("valid"))[0]?.href).toBe("/learn/basics/first-steps");
  });

  it("links each lesson to its neighbours across chapters", async () => {
    const middle = await getLesson("basics", "second-steps", fixture("valid"));
    expect(middle?.previous?.slug).toBe("first-steps");
    expect(middle?.next?.slug).toBe("deep-dive");
    const first = await getLesson("basics", "first-steps", fixture("valid"));
    expect(first?.previous).toBeUndefined();
    expect(await getLesson("basics", "nope", fixture("valid"))).toBeUndefined();
  });

  it("builds a table of contents from h2 and h3 with working ids", async () => {
    const lesson = await getLesson("advanced", "deep-dive", fixture("valid"));
    expect(lesson?.compiled.toc).toEqual([
      { id: "section-one", text: "Section one", depth: 2 },
      { id: "sub-section", text: "Sub section", depth: 3 },
    ]);
  });

  it("bundles a repo file imported as text, so lessons show the real file", async () => {
    const lesson = await getLesson("basics", "second-steps", fixture("valid"));
    expect(lesson?.compiled.code).toMatch(/FROM scratch(\\n|\n)COPY app \/app/);
  });
});

describe("broken content fails with the file and what is wrong", () => {
  it("reports invalid frontmatter with every bad field", () => {
    expect(() => listLessons(fixture("broken-frontmatter"))).toThrowError(
      /basics\/no-summary\.mdx: invalid frontmatter\n {2}- field "lesson": must look like "10\.4"[\s\S]*field "summary": is required/,
    );
  });

  it("reports YAML syntax errors with a line number", () => {
    expect(() => listLessons(fixture("broken-yaml"))).toThrowError(
      /basics\/bad-yaml\.mdx:\d+: frontmatter is not valid YAML/,
    );
  });

  it("reports an MDX syntax error with file, line and column", async () => {
    await expect(getLesson("basics", "unclosed", fixture("broken-mdx"))).rejects.toThrowError(
      /broken-mdx\/basics\/unclosed\.mdx:\d+:\d+: MDX error: .*Note/,
    );
  });

  it("reports an import of a file that does not exist", async () => {
    await expect(getLesson("basics", "missing-file", fixture("broken-import"))).rejects.toThrowError(
      /missing-file\.mdx:\d+:\d+: MDX error: "\.\/not-here\.Dockerfile\?raw" does not exist/,
    );
  });
});
