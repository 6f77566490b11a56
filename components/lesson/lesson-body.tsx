import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx/registry";

/**
 * Evaluates the compiled lesson in a server component: the prose ships as HTML,
 * and only the client islands inside it (copy buttons, sandboxes, quizzes) hydrate.
 */
export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  // A server component renders once per build, so creating the component here never remounts anything.
  // eslint-disable-next-line react-hooks/static-components
  return <Content components={mdxComponents} />;
}
