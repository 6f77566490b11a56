import type { Paragraph, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** A pipe table's second row: `| --- | :---: |`, pipes at the ends optional. */
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Runs after remark-gfm. A pipe table it could not parse (a delimiter row with fewer or more cells
 * than the header) stays a paragraph, and the page would print its pipes as text: fail the build
 * at that line instead.
 */
export function remarkTablesParsed() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, "paragraph", (node: Paragraph) => {
      const start = node.position?.start;
      const end = node.position?.end;
      if (start?.offset === undefined || end?.offset === undefined) return;
      const [first = "", second = ""] = source.slice(start.offset, end.offset).split("\n");
      if (!first.trimStart().startsWith("|") || !DELIMITER_ROW.test(second)) return;
      const message = file.message(
        "this looks like a table but is not one: its header row and the `| --- |` row under it need the same number of cells",
        { place: start, ruleId: "table", source: "remark-tables" },
      );
      // Named by position only, as remark-quizzes does, so compile-mdx reports `file:line:column: MDX error: …`.
      message.name = `${start.line}:${start.column}`;
      message.fatal = true;
      throw message;
    });
  };
}
