import type { Root } from "mdast";
import type { Node } from "unist";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { lessonIdFromFile } from "@/lib/content/lesson-id";
import { isQuizKind, type QuizKind } from "./types";

/** One question of a lesson, in lesson order: what the progress page counts. */
export interface LessonQuiz {
  id: string;
  kind: QuizKind;
  line?: number;
}

export interface RemarkQuizzesOptions {
  /** The lesson file relative to the repo root, e.g. `content/production-and-scaling/dockerizing-nodejs.mdx`. */
  file: string;
  /** Filled with the lesson's quizzes, for the compiled lesson to carry. */
  quizzes: LessonQuiz[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The per-lesson pass for quizzes: every quiz component needs a literal kebab-case `id` that
 * is unique within the lesson, and each gets `lesson` and `source` ("file:line") props so the
 * component can key its progress and name its location in a build error. Props are checked
 * by the component itself while the page prerenders (./validate.ts).
 */
export function remarkQuizzes({ file, quizzes }: RemarkQuizzesOptions) {
  const lesson = lessonIdFromFile(file);
  return (tree: Root, vfile: VFile) => {
    const fail: (reason: string, node: Node) => never = (reason, node) => {
      const start = node.position?.start;
      const message = vfile.message(reason, { place: start, ruleId: "quiz", source: "remark-quizzes" });
      // Named by position only (not the bundler's temporary entry path), so compile-mdx reports
      // it as `content/…/lesson.mdx:line:column: MDX error: reason`.
      message.name = start ? `${start.line}:${start.column}` : "1:1";
      message.fatal = true;
      throw message;
    };
    const seen = new Map<string, number | undefined>();
    visit(tree, (node) => {
      if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (!isQuizKind(element.name)) return;
      const line = element.position?.start.line;
      const where = `<${element.name}>`;
      const idAttribute = element.attributes.find(
        (attribute): attribute is MdxJsxAttribute => attribute.type === "mdxJsxAttribute" && attribute.name === "id",
      );
      if (!idAttribute) fail(`${where} needs an id="…" (unique in this lesson; progress is saved under it)`, element);
      if (typeof idAttribute.value !== "string")
        fail(`${where} id must be a plain string like id="layer-order", not an expression`, element);
      const id = idAttribute.value;
      if (!ID.test(id)) fail(`${where} id "${id}" must be kebab-case (a-z, 0-9, -)`, element);
      if (seen.has(id)) {
        const first = seen.get(id);
        fail(
          `quiz id "${id}" is used twice in this lesson${first ? ` (first on line ${first})` : ""}; ids must be unique per lesson`,
          element,
        );
      }
      seen.set(id, line);
      quizzes.push({ id, kind: element.name, line });
      for (const attribute of element.attributes) {
        if (attribute.type === "mdxJsxAttribute" && (attribute.name === "lesson" || attribute.name === "source")) {
          fail(`${where} "${attribute.name}" is set by the build; remove it`, element);
        }
      }
      element.attributes.push(
        { type: "mdxJsxAttribute", name: "lesson", value: lesson },
        { type: "mdxJsxAttribute", name: "source", value: line ? `${file}:${line}` : file },
      );
    });
  };
}
