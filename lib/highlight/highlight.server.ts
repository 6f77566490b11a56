import "server-only";
import { transformerNotationDiff, transformerNotationHighlight } from "@shikijs/transformers";
import type { Element, ElementContent } from "hast";
import {
  bundledLanguages,
  createHighlighter,
  type BundledLanguage,
  type Highlighter,
  type ShikiTransformer,
} from "shiki";
import { extractInlineCallouts, locateCallouts, type CodeOptions } from "./code-options";

// The "-default" GitHub themes keep every token at WCAG AA contrast on our code background.
const THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;
const LANGUAGE_ALIASES: Record<string, string> = {
  sh: "bash",
  shell: "bash",
  console: "bash",
  env: "dotenv",
  yml: "yaml",
};

let highlighter: Promise<Highlighter> | undefined;
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: [] });
  return highlighter;
}

function resolveLanguage(lang: string): BundledLanguage | "text" {
  const name = LANGUAGE_ALIASES[lang] ?? lang;
  if (name === "text" || name === "plaintext" || name === "") return "text";
  if (name in bundledLanguages) return name as BundledLanguage;
  throw new Error(`unknown code language "${lang}"`);
}

function decorateLines(highlightLines: number[], calloutsByLine: Map<number, number>): ShikiTransformer {
  const highlighted = new Set(highlightLines);
  return {
    name: "course:lines",
    line(node, line) {
      if (highlighted.has(line)) this.addClassToHast(node, "highlighted");
      const callout = calloutsByLine.get(line);
      if (callout !== undefined) {
        node.children.push({
          type: "element",
          tagName: "span",
          properties: { className: ["callout-marker"], "aria-label": `callout ${callout}` },
          children: [{ type: "text", value: String(callout) }],
        });
      }
    },
  };
}

/**
 * Tokens in the themes' default colours (punctuation, plain words) lose their <span>: the line around them already
 * has that colour, and a lesson's code was most of its DOM. Only a span that sets nothing but the two colours goes.
 */
function unwrapDefaultColoredTokens(defaultStyle: string): ShikiTransformer {
  return {
    name: "course:unwrap-default-tokens",
    line(node) {
      node.children = node.children.flatMap((child): ElementContent[] =>
        child.type === "element" &&
        child.tagName === "span" &&
        Object.keys(child.properties).length === 1 &&
        String(child.properties.style).toLowerCase() === defaultStyle
          ? child.children
          : [child],
      );
    },
  };
}

/** A line that only wraps its tokens (and perhaps a callout's number): no highlight or diff mark sets it apart. */
function isPlainLine(node: Element): boolean {
  if (Object.keys(node.properties).length !== 1) return false;
  const classes = node.properties.class;
  return classes === "line" || (Array.isArray(classes) && classes.length === 1 && classes[0] === "line");
}

/**
 * Plain lines lose their <span class="line">: the code is preformatted text, so a line break already makes a line,
 * and only lines that look different (highlighted, diff) need an element. The line break after a kept line
 * moves inside it, so that no bare line break sits between two block lines (it would show as an empty line).
 */
function unwrapPlainLines(): ShikiTransformer {
  return {
    name: "course:unwrap-plain-lines",
    code(node) {
      const children: ElementContent[] = [];
      let keptLine: Element | undefined;
      for (const child of node.children) {
        if (child.type === "text" && keptLine) {
          keptLine.children.push(child);
          keptLine = undefined;
        } else if (child.type === "element" && isPlainLine(child)) {
          children.push(...child.children);
          keptLine = undefined;
        } else {
          children.push(child);
          keptLine = child.type === "element" ? child : undefined;
        }
      }
      node.children = joinSameStyleAcrossLines(children);
    },
  };
}

/** A token's span: it has a style and nothing else (a kept line has a class). */
const isToken = (node: ElementContent | undefined): node is Element =>
  node?.type === "element" && Object.keys(node.properties).length === 1 && typeof node.properties.style === "string";

/**
 * Two tokens of one style with only white space between them (a block of comment lines, say) become one span: white
 * space shows no colour, so the text reads the same with one element instead of one per line.
 */
function joinSameStyleAcrossLines(children: ElementContent[]): ElementContent[] {
  const joined: ElementContent[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const previous = joined.at(-1);
    const between = children[index + 1];
    if (
      isToken(previous) &&
      child.type === "text" &&
      /^\s+$/.test(child.value) &&
      isToken(between) &&
      between.properties.style === previous.properties.style
    ) {
      previous.children.push(child, ...between.children);
      index++;
    } else joined.push(child);
  }
  return joined;
}

/** Highlights code to HTML at build time, with both themes as CSS variables. */
export async function highlightToHtml(source: string, options: CodeOptions): Promise<string> {
  const lang = resolveLanguage(options.lang);
  const inline = extractInlineCallouts(source.replace(/\n$/, ""));
  const calloutsByLine = new Map([...inline.calloutsByLine, ...locateCallouts(inline.code, options.callouts)]);
  const shiki = await getHighlighter();
  if (lang !== "text" && !shiki.getLoadedLanguages().includes(lang)) await shiki.loadLanguage(lang);
  const defaultStyle = `--shiki-light:${shiki.getTheme(THEMES.light).fg};--shiki-dark:${shiki.getTheme(THEMES.dark).fg}`;
  return shiki.codeToHtml(inline.code, {
    lang,
    themes: THEMES,
    defaultColor: false,
    // Fewer elements for the same colours: neighbouring tokens of one style become one span.
    mergeSameStyleTokens: true,
    transformers: [
      unwrapDefaultColoredTokens(defaultStyle.toLowerCase()),
      transformerNotationDiff({ matchAlgorithm: "v3" }),
      transformerNotationHighlight({ matchAlgorithm: "v3" }),
      decorateLines(options.highlightLines, calloutsByLine),
      // Last: it needs every other transformer's marks on the lines.
      unwrapPlainLines(),
    ],
  });
}
