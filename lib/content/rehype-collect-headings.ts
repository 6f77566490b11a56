import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

/** Collects h2/h3 (after rehype-slug gave them ids) for the table of contents. */
export function rehypeCollectHeadings(toc: TocEntry[]) {
  return () => (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties.id;
      if (typeof id !== "string") return;
      toc.push({ id, text: toString(node), depth: node.tagName === "h2" ? 2 : 3 });
    });
  };
}
