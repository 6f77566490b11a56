import type { ReactElement, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Evidence } from "@/components/lesson-figures/evidence";
import { Fact } from "@/components/lesson-figures/fact";
import { Poster } from "@/components/sandbox/poster";
import { Side } from "@/components/sandbox/side";
import { panelFields, StatePanel } from "@/components/sandbox/state-panel";
import { TrafficChart } from "@/components/sandbox/traffic-chart";
import { markerStateAt } from "@/lib/recordings/marker-state";
import { loadScenarioGroup } from "@/lib/recordings/scenarios.server";
import { isPlainMarkup, keepStatic, plainMarkup } from "./keep-static";
import { StaticMarkup } from "./static-markup";

/** Stands for a client island or any server component nobody declared plain. */
function Island({ children }: { children?: ReactNode }) {
  return <button type="button">{children}</button>;
}

const Badge = plainMarkup(function Badge({ children }: { children: ReactNode }) {
  return <span className="badge">{children}</span>;
});

describe("isPlainMarkup", () => {
  it("accepts host elements, fragments and text, however deep", () => {
    expect(
      isPlainMarkup(
        <p>
          Run <code>docker stop</code> and <a href="#x">watch</a> {3} times{false}
          <>
            {" · "}
            <em>twice</em>
          </>
        </p>,
      ),
    ).toBe(true);
  });

  it("refuses a tree with a component nobody declared plain anywhere inside", () => {
    expect(
      isPlainMarkup(
        <ul>
          <li>
            one <Island />
          </li>
        </ul>,
      ),
    ).toBe(false);
  });

  it("accepts a declared plain component, and still checks its children", () => {
    expect(
      isPlainMarkup(
        <p>
          size: <Badge>84 MB</Badge>
        </p>,
      ),
    ).toBe(true);
    expect(
      isPlainMarkup(
        <p>
          <Badge>
            <Island />
          </Badge>
        </p>,
      ),
    ).toBe(false);
  });
});

describe("keepStatic", () => {
  it("turns a plain element into static markup with the same tag, attributes and content", () => {
    const kept = keepStatic(
      <p className="lede" id="intro">
        Hello <em>there</em>
      </p>,
    ) as ReactElement<{ tag: string; attributes: object }>;
    expect(kept.type).toBe(StaticMarkup);
    expect(kept.props.tag).toBe("p");
    expect(kept.props.attributes).toEqual({ className: "lede", id: "intro" });
    // On the server it renders the same HTML, marked so the browser can find it while hydrating.
    expect(renderToStaticMarkup(kept)).toMatch(
      /^<p class="lede" id="intro" data-static-markup="[^"]+">Hello <em>there<\/em><\/p>$/,
    );
  });

  it("leaves an element with an island inside live", () => {
    const live = (
      <aside>
        <Island>Check</Island>
      </aside>
    );
    expect(keepStatic(live)).toBe(live);
  });

  it("leaves empty, void and raw-HTML elements and fragments alone: nothing to spare, or no element to keep", () => {
    for (const element of [
      <hr key="hr" />,
      <div key="empty" />,
      <div key="raw" dangerouslySetInnerHTML={{ __html: "<b>x</b>" }} />,
    ])
      expect(keepStatic(element)).toBe(element);
    expect(keepStatic("text")).toBe("text");
    const fragment = (
      <>
        <p>a</p>
        <p>b</p>
      </>
    );
    expect(keepStatic(fragment)).toBe(fragment);
  });

  it("renders a plain component in place and keeps its element, with the component's key", () => {
    const kept = keepStatic(<Badge key="b">42</Badge>) as ReactElement<{ tag: string; attributes: object }>;
    expect(kept.type).toBe(StaticMarkup);
    expect(kept.key).toBe("b");
    expect(kept.props).toMatchObject({ tag: "span", attributes: { className: "badge" } });
  });
});

describe("the components declared plain", () => {
  // Their declaration is a promise keepStatic relies on: each renders host elements and text only.
  it("render plain markup", () => {
    const rendered: ReactNode[] = [
      Fact({ name: "naiveExitCode" }),
      Evidence({ scenario: "stop-naive", at: "sigterm", children: "the naive image ignores SIGTERM" }),
      TrafficChart({
        chart: {
          duration: 10,
          seconds: [{ start: 0, end: 1, ok: 10, failed: 2 }],
          maxPerSecond: 12,
          replicas: [{ name: "blue-1", bands: [{ start: 0, end: 5, state: "up" }] }],
        },
        label: "Rolling deploy",
        title: "naive",
      }),
    ];
    const { summary: scenario, poster } = loadScenarioGroup(["health-flip"]).ready[0]!;
    const fields = panelFields(scenario.events);
    const state = markerStateAt(scenario.events, 0);
    rendered.push(
      Poster({ scenario, text: poster }),
      StatePanel({ title: scenario.title, state, fields, poster: true }),
      Side({
        scenario,
        compare: true,
        state,
        fields,
        poster: true,
        children: <Poster scenario={scenario} text={poster} />,
      }),
    );
    for (const element of rendered) expect(isPlainMarkup(element)).toBe(true);
  });
});
