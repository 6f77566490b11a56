import type { MDXComponents } from "mdx/types";
import { Code } from "@/components/code/code-block";
import { H2, H3 } from "./heading";
import { Note } from "./note";
import { Sandbox, SandboxCompare } from "@/components/sandbox/sandbox";

/**
 * Every component a lesson can use, in one place. Lessons get these by name
 * (`<Note kind="warning">`), and fenced code blocks become <Code>.
 */
export const mdxComponents = {
  h2: H2,
  h3: H3,
  Code,
  Note,
  Sandbox, SandboxCompare,
} satisfies MDXComponents;
