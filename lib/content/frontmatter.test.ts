import { describe, expect, it } from "vitest";
import { ContentError, parseFrontmatter } from "./frontmatter";

const valid = {
  title: "Dockerizing Node.js",
  chapter: 10,
  chapterTitle: "Production and Scaling",
  lesson: "10.4",
  summary: "Ship it.",
  readingTimeMinutes: 30,
  objectives: ["Build a small image"],
  tags: ["docker"],
};

function errorFor(data: unknown): string {
  try {
    parseFrontmatter(data, "content/x/y.mdx");
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error("expected the frontmatter to be rejected");
}

describe("lesson frontmatter", () => {
  it("accepts a complete lesson and defaults tags to an empty list", () => {
    const withoutTags: Partial<typeof valid> = { ...valid };
    delete withoutTags.tags;
    expect(parseFrontmatter(withoutTags, "content/x/y.mdx").tags).toEqual([]);
    expect(parseFrontmatter(valid, "content/x/y.mdx").lesson).toBe("10.4");
  });

  it("names the file and the missing field", () => {
    const missing: Partial<typeof valid> = { ...valid };
    delete missing.summary;
    expect(errorFor(missing)).toMatch(/^content\/x\/y\.mdx: invalid frontmatter[\s\S]*field "summary": is required/);
  });

  it("explains a wrongly typed field", () => {
    expect(errorFor({ ...valid, lesson: 10.4 })).toContain('field "lesson": must be a quoted string like "10.4"');
    expect(errorFor({ ...valid, readingTimeMinutes: "long" })).toContain(
      'field "readingTimeMinutes": must be a number of minutes',
    );
  });

  it("rejects a lesson number from another chapter and unknown fields", () => {
    expect(errorFor({ ...valid, lesson: "9.4" })).toContain('field "lesson": must start with the chapter number');
    expect(errorFor({ ...valid, author: "me" })).toContain("unknown field(s) author");
  });

  it("requires at least one learning objective", () => {
    expect(errorFor({ ...valid, objectives: [] })).toContain(
      'field "objectives": needs at least one learning objective',
    );
  });
});
