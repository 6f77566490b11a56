import type { Code, Root } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";

/**
 * Turns every fenced block into <Code lang meta code />, so fenced code and imported
 * files go through the same server-side highlighter component.
 */
export function remarkCodeBlocks() {
  return (tree: Root) => {
    visit(tree, "code", (node: Code, index, parent) => {
      if (!parent || index === undefined) return;
      const attribute = (name: string, value: string | null | undefined) =>
        value ? [{ type: "mdxJsxAttribute" as const, name, value }] : [];
      const element: MdxJsxFlowElement = {
        type: "mdxJsxFlowElement",
        name: "Code",
        attributes: [
          ...attribute("code", node.value),
          ...attribute("lang", node.lang),
          ...attribute("meta", node.meta),
        ],
        children: [],
        position: node.position,
      };
      parent.children.splice(index, 1, element);
    });
  };
}
