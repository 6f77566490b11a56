import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";

/**
 * Lets a lesson import a real repo file as text (`import naive from` a path ending in `?raw`, such as
 * `../../sandboxes/images/naive/Dockerfile?raw` from content/<chapter>/).
 * The lesson then shows the very file the recorder builds, never a pasted copy.
 */
export function rawImports(repoRoot: string): Plugin {
  return {
    name: "course-raw-imports",
    setup(build) {
      build.onResolve({ filter: /\?raw$/ }, (args) => {
        const target = path.resolve(args.resolveDir, args.path.replace(/\?raw$/, ""));
        const relative = path.relative(repoRoot, target);
        if (relative.startsWith("..") || path.isAbsolute(relative)) {
          return { errors: [{ text: `"${args.path}" is outside the repository; lessons may only import repo files` }] };
        }
        if (!existsSync(target))
          return { errors: [{ text: `"${args.path}" does not exist (looked for ${relative})` }] };
        return { path: target, namespace: "raw-file" };
      });
      build.onLoad({ filter: /.*/, namespace: "raw-file" }, (args) => ({
        contents: readFileSync(args.path, "utf8"),
        loader: "text",
        watchFiles: [args.path],
      }));
    },
  };
}
