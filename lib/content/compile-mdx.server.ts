import "server-only";
import path from "node:path";
import type { Message } from "esbuild";
import { bundleMDX } from "mdx-bundler";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { ContentError } from "./frontmatter";
import { rawImports } from "./raw-imports";
import { rehypeCollectHeadings, type TocEntry } from "./rehype-collect-headings";
import { remarkCodeBlocks } from "./remark-code-blocks";
import { remarkPresenterSteps, type PresenterStepSource } from "./remark-presenter-steps";
import { remarkTablesParsed } from "./remark-tables";
import { remarkQuizzes, type LessonQuiz } from "@/lib/quiz/remark-quizzes";

export interface CompiledMdx {
  code: string;
  frontmatter: Record<string, unknown>;
  toc: TocEntry[];
  /** The lesson's sandboxes in order, with their speaker notes: presenter mode's steps. */
  presenterSteps: PresenterStepSource[];
  /** The lesson's quizzes in order: the progress page counts them. */
  quizzes: LessonQuiz[];
}

const REPO_ROOT = process.cwd();

/** Compiles one MDX file with esbuild. Runs on the server at build time only. */
export async function compileMdx(file: string, source: string): Promise<CompiledMdx> {
  const toc: TocEntry[] = [];
  const presenterSteps: PresenterStepSource[] = [];
  const quizzes: LessonQuiz[] = [];
  const relativeFile = path.relative(REPO_ROOT, file);
  try {
    const { code, frontmatter } = await bundleMDX({
      source,
      cwd: path.dirname(file),
      mdxOptions(options) {
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          // Tables (and footnotes, autolinks); a single ~ stays text, as in "~300 MB", not strikethrough.
          [remarkGfm, { singleTilde: false }],
          remarkTablesParsed,
          remarkCodeBlocks,
          [remarkQuizzes, { file: relativeFile, quizzes }],
          remarkPresenterSteps(presenterSteps),
        ];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug, rehypeCollectHeadings(toc)];
        return options;
      },
      esbuildOptions(options) {
        options.plugins = [rawImports(REPO_ROOT), ...(options.plugins ?? [])];
        options.logLevel = "silent";
        return options;
      },
    });
    return { code, frontmatter, toc, presenterSteps, quizzes };
  } catch (error) {
    throw toContentError(relativeFile, error);
  }
}

/**
 * Turns esbuild's report into `file:line:column: MDX error: …`. The MDX plugin puts its own
 * position inside the text ("5:10: Could not parse…", or "(12:1-12:22)" for an unclosed tag),
 * which is more precise than esbuild's location for the virtual entry file.
 */
function toContentError(file: string, error: unknown): Error {
  const first = (error as { errors?: Message[] }).errors?.[0];
  if (!first) return new ContentError(file, `MDX error: ${error instanceof Error ? error.message : String(error)}`);
  const mdxMessage =
    /^Cannot process MDX file with esbuild:\s*(\d+):(\d+): ([\s\S]*?)(?: \((\d+):(\d+)-\d+:\d+\))?$/.exec(first.text);
  if (mdxMessage) {
    const [, line, column, reason = "", rangeLine, rangeColumn] = mdxMessage;
    return new ContentError(file, `MDX error: ${reason}`, Number(rangeLine ?? line), Number(rangeColumn ?? column));
  }
  const location = first.location;
  return new ContentError(file, `MDX error: ${first.text}`, location?.line, location ? location.column + 1 : undefined);
}
