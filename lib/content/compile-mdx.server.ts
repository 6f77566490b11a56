import "server-only";
import path from "node:path";
import type { Message } from "esbuild";
import { bundleMDX } from "mdx-bundler";
import rehypeSlug from "rehype-slug";
import { ContentError } from "./frontmatter";
import { rawImports } from "./raw-imports";
import { rehypeCollectHeadings, type TocEntry } from "./rehype-collect-headings";
import { remarkCodeBlocks } from "./remark-code-blocks";

export interface CompiledMdx {
  code: string;
  frontmatter: Record<string, unknown>;
  toc: TocEntry[];
}

const REPO_ROOT = process.cwd();

/** Compiles one MDX file with esbuild. Runs on the server at build time only. */
export async function compileMdx(file: string, source: string): Promise<CompiledMdx> {
  const toc: TocEntry[] = [];
  const relativeFile = path.relative(REPO_ROOT, file);
  try {
    const { code, frontmatter } = await bundleMDX({
      source,
      cwd: path.dirname(file),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkCodeBlocks];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug, rehypeCollectHeadings(toc)];
        return options;
      },
      esbuildOptions(options) {
        options.plugins = [rawImports(REPO_ROOT), ...(options.plugins ?? [])];
        options.logLevel = "silent";
        return options;
      },
    });
    return { code, frontmatter, toc };
  } catch (error) {
    throw toContentError(relativeFile, error);
  }
}

/** esbuild reports MDX syntax errors with a location; surface the first one as file:line:column. */
function toContentError(file: string, error: unknown): Error {
  const messages = (error as { errors?: Message[] }).errors;
  const first = messages?.[0];
  if (first) {
    const detail = first.text.replace(/^\d+:\d+: /, "");
    return new ContentError(file, `MDX error: ${detail}`, first.location?.line, first.location ? first.location.column + 1 : undefined);
  }
  return new ContentError(file, `MDX error: ${error instanceof Error ? error.message : String(error)}`);
}
