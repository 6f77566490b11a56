import { describe, expect, it } from "vitest";
import { highlightToHtml } from "./highlight.server";

const options = { lang: "yaml", highlightLines: [], callouts: {} };
const spans = (html: string) => html.match(/<span/g)?.length ?? 0;

describe("highlightToHtml", () => {
  it("keeps a span only where a token is coloured differently from the line", async () => {
    const html = await highlightToHtml("services:\n  api:\n    image: node:20\n", options);
    // three lines, a coloured key on each and the string value; the colons and spaces are bare text
    expect(spans(html)).toBe(7);
    expect(html).toContain(
      '<span class="line"><span style="--shiki-light:#116329;--shiki-dark:#7EE787">  api</span>:</span>',
    );
  });

  it("keeps the text, highlighted lines and callouts as they were", async () => {
    const source = 'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]\n';
    const html = await highlightToHtml(source, { lang: "dockerfile", highlightLines: [2], callouts: { USER: 1 } });
    expect(html.replace(/<[^>]+>/g, "").replace(/&#x22;|&quot;/g, '"')).toBe(
      'FROM node:20-slim\nUSER node1\nCMD ["node", "server.js"]',
    );
    expect(html).toContain('<span class="line highlighted" data-callout="1">');
    expect(html).toContain('<span class="callout-marker" aria-label="callout 1">1</span>');
  });
});
