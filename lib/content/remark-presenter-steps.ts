import type { Heading, Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** One presenter step as the lesson defines it: a sandbox, where it sits, and what to say. */
export interface PresenterStepSource {
  /** One scenario, or two for a <SandboxCompare> (left, right). */
  scenarios: string[];
  title?: string;
  /** The h2 (and h3) headings the sandbox sits under, e.g. "Signals and PID 1 › Zombies". */
  section: string;
  /** The <SpeakerNotes> after the sandbox, one string per paragraph or list item. */
  notes: string[];
}

const SANDBOXES: Record<string, string[]> = { Sandbox: ["scenario"], SandboxCompare: ["left", "right"] };

function text(node: Node): string {
  if (node.type === "text" || node.type === "inlineCode") return (node as unknown as { value: string }).value;
  const children = (node as { children?: Node[] }).children ?? [];
  return children.map(text).join("");
}

function notesOf(element: MdxJsxFlowElement): string[] {
  const blocks = element.children.flatMap((child): Node[] => (child.type === "list" ? child.children : [child]));
  return blocks.map((block) => text(block).replace(/\s+/g, " ").trim()).filter(Boolean);
}

/**
 * Reads the lesson's sandboxes, in order, as presenter steps, and takes each <SpeakerNotes> out of
 * the lesson (learners never see them) and onto the sandbox before it. A note with no sandbox
 * before it, or a sandbox without a literal scenario name, fails the build at its line.
 */
export function remarkPresenterSteps(steps: PresenterStepSource[]) {
  return () => (tree: Root, vfile: VFile) => {
    const fail = (reason: string, node: Node): never => {
      const start = node.position?.start;
      const message = vfile.message(reason, { place: start, ruleId: "presenter", source: "remark-presenter-steps" });
      message.name = start ? `${start.line}:${start.column}` : "1:1";
      message.fatal = true;
      throw message;
    };
    let h2 = "";
    let h3 = "";
    const kept: RootContent[] = [];
    for (const node of tree.children) {
      if (node.type === "heading" && (node.depth === 2 || node.depth === 3)) {
        const title = text(node as Heading);
        if (node.depth === 2) [h2, h3] = [title, ""];
        else h3 = title;
      }
      if (node.type === "mdxJsxFlowElement" && node.name === "SpeakerNotes") {
        const step = steps.at(-1);
        if (!step) fail("<SpeakerNotes> must come after the <Sandbox> or <SandboxCompare> it is about", node);
        step!.notes.push(...notesOf(node));
        continue;
      }
      if (node.type === "mdxJsxFlowElement" && node.name && SANDBOXES[node.name]) {
        const value = (name: string) => {
          const attribute = node.attributes.find(
            (a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name,
          );
          return typeof attribute?.value === "string" ? attribute.value : undefined;
        };
        const scenarios = SANDBOXES[node.name]!.map(
          (name) =>
            value(name) ??
            fail(`<${node.name}> needs a literal ${name}="…" (presenter mode lists the lesson's sandboxes)`, node),
        );
        steps.push({ scenarios, title: value("title"), section: h3 ? `${h2} › ${h3}` : h2, notes: [] });
      }
      kept.push(node);
    }
    tree.children = kept;
    visit(tree, "mdxJsxFlowElement", (node: MdxJsxFlowElement) => {
      if (node.name === "SpeakerNotes")
        fail("<SpeakerNotes> must sit at the top level of the lesson, right after its sandbox", node);
    });
  };
}
