import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileMdx } from "@/lib/content/compile-mdx.server";

const FILE = path.join(process.cwd(), "content/testing/quiz-fixture.mdx");

const quiz = (id: string) => `<SingleChoice id="${id}" question="Q?">
  <Option correct>yes</Option>
  <Option>no</Option>
</SingleChoice>`;

describe("remarkQuizzes", () => {
  it("adds lesson and source props and returns the lesson's quizzes", async () => {
    const { code, quizzes } = await compileMdx(FILE, `# Title\n\n${quiz("first")}\n\n${quiz("second")}\n`);
    expect(code).toContain('lesson:"testing/quiz-fixture"');
    expect(code).toContain('source:"content/testing/quiz-fixture.mdx:3"');
    expect(quizzes).toEqual([
      { id: "first", kind: "SingleChoice", line: 3 },
      { id: "second", kind: "SingleChoice", line: 8 },
    ]);
  });

  it("fails on a duplicate id, naming the file, the line and the id", async () => {
    await expect(compileMdx(FILE, `${quiz("same")}\n\n${quiz("same")}\n`)).rejects.toThrow(
      /^content\/testing\/quiz-fixture\.mdx:6:1: MDX error: quiz id "same" is used twice in this lesson \(first on line 1\)/,
    );
  });

  it("fails on a missing or non-literal id", async () => {
    await expect(compileMdx(FILE, `<MultipleChoice question="Q?" />\n`)).rejects.toThrow(
      /quiz-fixture\.mdx:1:1: MDX error: <MultipleChoice> needs an id/,
    );
    await expect(compileMdx(FILE, `<OrderLines id={"x"} lines={[]} />\n`)).rejects.toThrow(/id must be a plain string/);
    await expect(compileMdx(FILE, `<OrderLines id="Bad Id" lines={[]} />\n`)).rejects.toThrow(
      /id "Bad Id" must be kebab-case/,
    );
  });
});
