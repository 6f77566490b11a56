import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileMdx } from "./compile-mdx.server";

const FILE = path.join(process.cwd(), "content/testing/tables-fixture.mdx");

describe("tables in a lesson", () => {
  it("compiles a pipe table to a table with a header row", async () => {
    const { code } = await compileMdx(
      FILE,
      "Intro.\n\n| Concern | Wrong way |\n| --- | --- |\n| User | root |\n| PID 1 | `npm start` |\n",
    );
    // The compiled MDX creates elements by tag name: a table, its header cells and its body rows.
    expect(code).toMatch(/\.table\b/);
    expect(code).toMatch(/\.th\b[\s\S]*children:\s*"Concern"/);
    expect(code).toMatch(/\.td\b[\s\S]*children:\s*"root"/);
    expect(code).not.toContain("| Concern |");
  });

  it("keeps a single tilde as text: '~300 MB to ~50 MB' is an approximation, not strikethrough", async () => {
    const { code } = await compileMdx(FILE, "From ~300 MB to ~50 MB.\n");
    expect(code).not.toMatch(/\.del\b/);
    expect(code).toContain("From ~300 MB to ~50 MB.");
  });

  it("fails on a table that does not parse, naming the file and its line", async () => {
    // The delimiter row has two cells and the header three: Markdown would print the pipes as text.
    await expect(compileMdx(FILE, "Intro.\n\n| A | B | C |\n| --- | --- |\n| 1 | 2 | 3 |\n")).rejects.toThrow(
      /^content\/testing\/tables-fixture\.mdx:3:1: MDX error: this looks like a table but is not one: .*same number of cells/,
    );
  });
});
