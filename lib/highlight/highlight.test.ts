import { describe, expect, it } from "vitest";
import { highlightToHtml } from "./highlight.server";

const noOptions = { highlightLines: [], callouts: {} };
const spans = (html: string) => html.match(/<span/g)?.length ?? 0;
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x22;|&quot;/g, '"')
    .replace(/&#x3C;|&lt;/g, "<");

describe("highlightToHtml", () => {
  it("keeps an element only for a token coloured differently from the text around it", async () => {
    const html = await highlightToHtml("services:\n  api:\n    image: node:20\n", { lang: "yaml", ...noOptions });
    // a coloured key on each line and the string value; colons, spaces and the plain lines themselves are bare text
    expect(spans(html)).toBe(4);
    expect(html).toContain(
      '<code><span style="--shiki-light:#116329;--shiki-dark:#7EE787">services</span>:\n<span style="--shiki-light:#116329;--shiki-dark:#7EE787">  api</span>:\n',
    );
  });

  it("keeps highlighted lines as lines, each with its line break; a callout is its number alone", async () => {
    const source = 'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]\n';
    const html = await highlightToHtml(source, {
      lang: "dockerfile",
      highlightLines: [2],
      callouts: { USER: 1, CMD: 2 },
    });
    expect(text(html)).toBe('FROM node:20-slim\nUSER node1\nCMD ["node", "server.js"]2');
    expect(html).toMatch(
      /<span class="line highlighted">.*<span class="callout-marker" aria-label="callout 1">1<\/span>\n<\/span><span[^>]*>CMD/,
    );
    expect(html).toMatch(/"server.js"<\/span>\]<span class="callout-marker" aria-label="callout 2">2<\/span><\/code>/);
    expect(html.match(/class="line/g)).toHaveLength(1);
  });

  it("keeps diff lines, with no line break left between two lines (it would show as an empty line)", async () => {
    const source = "npm ci # [!code --]\nnpm ci --omit=dev # [!code ++]\nnode server.js\n";
    const html = await highlightToHtml(source, { lang: "bash", ...noOptions });
    expect(text(html)).toBe("npm ci\nnpm ci --omit=dev\nnode server.js");
    expect(html).toMatch(
      /<span class="line diff remove">.*\n<\/span><span class="line diff add">.*\n<\/span><span[^>]*>node/,
    );
    expect(html).not.toMatch(/<\/span>\n<span class="line/);
  });

  it("makes one span of a block of comment lines, white space and all", async () => {
    const source = "# one\n# two\n# three\nFROM node:20\n";
    const html = await highlightToHtml(source, { lang: "dockerfile", ...noOptions });
    expect(text(html)).toBe("# one\n# two\n# three\nFROM node:20");
    expect(html).toContain(
      '<code><span style="--shiki-light:#6E7781;--shiki-dark:#8B949E"># one\n# two\n# three</span>\n<span',
    );
  });
});
