import { Children, isValidElement, type ReactNode } from "react";
import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx/registry";
import { keepStatic } from "@/components/static-markup/keep-static";

/**
 * Evaluates the compiled lesson in a server component: the prose ships as HTML, each top-level
 * block of plain HTML is kept by the browser without hydrating it (keepStatic), and only the
 * client islands inside the lesson (copy buttons, sandboxes, quizzes) hydrate.
 */
export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  // Called as a function, not rendered as <Content>: MDX's content function (no layout, no hooks)
  // returns one fragment of the lesson's top-level blocks, which keepStatic then sees one by one.
  const content: ReactNode = Content({ components: mdxComponents });
  const blocks = isValidElement<{ children?: ReactNode }>(content) ? content.props.children : content;
  return <>{Children.map(blocks, keepStatic)}</>;
}
