import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatePanel, type PanelField } from "./state-panel";

const fields: PanelField[] = ["container", "exitCode"];
/** Elements in the markup: what the lesson's DOM budget counts. */
const elements = (html: string) => html.match(/<[a-z][^>]*>/g)?.length ?? 0;

describe("the state panel", () => {
  it("with the poster and nothing recorded yet, each row is one element: its label", () => {
    const html = renderToStaticMarkup(<StatePanel title="Stop" state={{}} fields={fields} poster />);
    expect(html).toMatch(/<li class="[^"]*" data-field="container">Container<\/li>/);
    expect(html).toMatch(/<li class="[^"]*" data-field="exitCode">Exit code<\/li>/);
    expect(html).not.toMatch(/<d[ltd]\b/);
    // The section, "Last event:" and its span, the list and one element a row.
    expect(elements(html)).toBe(4 + fields.length);
  });

  it("shows what is recorded as label and value, with the poster as in the player", () => {
    for (const poster of [true, false]) {
      const html = renderToStaticMarkup(
        <StatePanel title="Stop" state={{ exitCode: 137 }} fields={fields} poster={poster} />,
      );
      expect(html).toContain('<dt>Exit code</dt><dd data-tone="bad">137</dd>');
      expect(html).toContain("<dt>Container</dt><dd>—</dd>");
      expect(html).not.toContain("<li");
    }
  });

  it("in the player, rows with nothing recorded yet read —", () => {
    const html = renderToStaticMarkup(<StatePanel title="Stop" state={{}} fields={fields} />);
    expect(html).toContain("<dt>Container</dt><dd>—</dd>");
    expect(html).toContain("<dt>Exit code</dt><dd>—</dd>");
  });
});
