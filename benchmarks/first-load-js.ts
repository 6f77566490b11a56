import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * First-load JavaScript of a prerendered route: every script the route's HTML references,
 * gzip-compressed, which is what a learner's browser downloads before the page is interactive.
 */
export function firstLoadJs(distDir: string, route: string): { files: number; gzipBytes: number; rawBytes: number } {
  const sources = routeScripts(distDir, route);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const source of sources) {
    const content = readFileSync(path.join(distDir, source));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: sources.length, gzipBytes, rawBytes };
}

/** The scripts a prerendered route's HTML loads, as paths inside `distDir`. */
function routeScripts(distDir: string, route: string): string[] {
  const htmlFile = path.join(
    distDir,
    "server",
    "app",
    route === "/" ? "index.html" : `${route.replace(/^\//, "")}.html`,
  );
  return firstLoadScripts(readFileSync(htmlFile, "utf8"));
}

/** The text of every script a prerendered route's HTML loads. */
export function firstLoadScriptTexts(distDir: string, route: string): string[] {
  return routeScripts(distDir, route).map((source) => readFileSync(path.join(distDir, source), "utf8"));
}

/** The scripts a page's HTML loads, as paths under `_next/` (static/chunks/….js), with or without a base path. */
export function firstLoadScripts(html: string): string[] {
  return [...new Set([...html.matchAll(/<script[^>]+src="[^"]*?\/_next\/([^"?]+)/g)].map((match) => match[1] ?? ""))];
}

/**
 * Code that loads after first paint or on demand, and that no page's first-load scripts may carry:
 * each marker is a string only that code's chunk contains. `page` names the route whose own code it
 * is (the presenter's page loads the presenter).
 */
export const LAZY_CODE: { code: string; marker: string; page?: RegExp }[] = [
  { code: "CodeMirror (the exercise's editor)", marker: "cm-scroller" },
  { code: "dockerfile-ast (the exercise's rules)", marker: "STOPSIGNAL" },
  { code: "the exercise's island", marker: "Show a model answer" },
  { code: "the exercise's lab panel", marker: "Build and grade my Dockerfile" },
  { code: "zod", marker: "ZodError" },
  { code: "the saved progress store (zustand's persist)", marker: "zustand persist middleware" },
  { code: "the sandbox player", marker: "round(up," },
  { code: "xterm (a live run's terminal)", marker: "xterm-helper-textarea" },
  { code: "the presenter", marker: "Works offline", page: /^\/present\// },
];

/** Which LAZY_CODE a route's first-load scripts carry, given each script's text. */
export function lazyCodeIn(route: string, scripts: string[]): string[] {
  return LAZY_CODE.filter(
    ({ marker, page }) => !page?.test(route) && scripts.some((script) => script.includes(marker)),
  ).map(({ code }) => code);
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Whether `distDir` holds a finished build: BUILD_ID is written early, the prerendered home page only at the end. */
export const finishedBuild = (distDir: string) => existsSync(path.join(distDir, "server", "app", "index.html"));
