import { highlightToHtml } from "@/lib/highlight/highlight.server";
import { parseFenceMeta, parseLineRanges } from "@/lib/highlight/code-options";
import { CopyButton } from "./copy-button";
import styles from "./code-block.module.css";

export interface CodeProps {
  /** The code itself: a fenced block's body, or a repo file imported with `?raw`. */
  code: string;
  lang?: string;
  /** Fence meta, e.g. `title="server.ts" {3,5-7}` (fenced blocks get this automatically). */
  meta?: string;
  title?: string;
  /** Lines to emphasise, e.g. "3,5-7". */
  highlight?: string;
  /** Numbered callouts for imported files: text found on the line → number. */
  callouts?: Record<string, number>;
}

/** A highlighted code block, rendered to HTML on the server at build time. */
export async function Code({ code, lang = "text", meta, title, highlight, callouts = {} }: CodeProps) {
  const fromMeta = parseFenceMeta(meta);
  const heading = title ?? fromMeta.title;
  const html = await highlightToHtml(code, {
    lang,
    title: heading,
    highlightLines: highlight ? parseLineRanges(highlight) : fromMeta.highlightLines,
    callouts,
  });
  return (
    <figure className={`code-block ${styles.scrollCue}`} data-lang={lang}>
      <figcaption className="code-block__bar">
        <span className="code-block__title">{heading ?? lang}</span>
        <CopyButton />
      </figcaption>
      <div className="code-block__body" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
