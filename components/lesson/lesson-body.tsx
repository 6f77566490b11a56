import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx/registry";

/**
 * Evaluates the compiled lesson in a server component: the prose ships as HTML,
 * and only the client islands inside it (copy buttons, sandboxes, quizzes) hydrate.
 */
export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  return <Content components={mdxComponents} />;
}
