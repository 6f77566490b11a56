import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TrafficChart as TrafficChartData } from "@/lib/recordings/traffic";
import { TrafficChart } from "./traffic-chart";

const chart: TrafficChartData = {
  duration: 10,
  seconds: [{ start: 0, end: 1, ok: 10, failed: 0 }],
  maxPerSecond: 10,
  replicas: [
    { name: "blue-1", bands: [{ start: 0, end: 5, state: "up" }] },
    { name: "green-1", bands: [{ start: 5, end: 10, state: "up" }] },
  ],
};

describe("a traffic chart", () => {
  const html = renderToStaticMarkup(<TrafficChart chart={chart} label="Rolling deploy" />);

  it("draws every replica's bands in one SVG, one path per colour plus their tracks", () => {
    expect(html.match(/<svg/g)).toHaveLength(2); // the bars, then the bands
    const bands = html.slice(html.lastIndexOf("<svg"));
    expect(bands).toContain('viewBox="0 0 1000 20"');
    expect(bands.match(/<path/g)).toHaveLength(5);
  });

  it("puts each replica's band in its own row, beside its label", () => {
    const up = /<path class="[^"]*up[^"]*" d="([^"]*)"/.exec(html)![1];
    // blue-1 UP over the first half in row 0 (y 1.25), green-1 over the second half in row 1 (y 11.25).
    expect(up).toBe("M0 1.25h500v7.5h-500zM500 11.25h500v7.5h-500z");
    expect(html.indexOf("blue-1")).toBeLessThan(html.indexOf("green-1"));
  });
});
