import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * First-load JavaScript of a prerendered route: every script the route's HTML references,
 * gzip-compressed, which is what a learner's browser downloads before the page is interactive.
 */
export function firstLoadJs(distDir: string, route: string): { files: number; gzipBytes: number; rawBytes: number } {
  const htmlFile = path.join(
    distDir,
    "server",
    "app",
    route === "/" ? "index.html" : `${route.replace(/^\//, "")}.html`,
  );
  const html = readFileSync(htmlFile, "utf8");
  const sources = new Set([...html.matchAll(/<script[^>]+src="\/_next\/([^"?]+)/g)].map((match) => match[1] ?? ""));
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const source of sources) {
    const content = readFileSync(path.join(distDir, source));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: sources.size, gzipBytes, rawBytes };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Whether `distDir` holds a finished build: BUILD_ID is written early, the prerendered home page only at the end. */
export const finishedBuild = (distDir: string) => existsSync(path.join(distDir, "server", "app", "index.html"));
