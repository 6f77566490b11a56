import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "./fixtures";
import { parseAsciicast } from "../lib/asciicast/parse";

/**
 * The rolling-deploy charts share the player's clock: seeking the player moves each chart's
 * playhead, and clicking a chart seeks the player. Expected values come from the committed casts.
 */

const DIR = path.resolve("sandboxes/recordings");
const duration = (name: string) => parseAsciicast(readFileSync(path.join(DIR, `${name}.cast`), "utf8")).duration;

const figure = (page: Page) => page.locator('figure[data-sandbox="rolling-naive rolling-optimized"]');
const shownTime = async (scope: Locator) => Number(await scope.getByTestId("sandbox-time").getAttribute("data-time"));
const playhead = async (chart: Locator) => Number(await chart.getAttribute("data-playhead"));

test("the traffic charts follow the player's playhead, and a click on a chart seeks the player", async ({
  page,
  lessonPath,
}) => {
  await page.goto(lessonPath);
  const sandbox = figure(page);
  await sandbox.scrollIntoViewIfNeeded();
  await expect(sandbox.locator("[data-screen]")).toHaveCount(2);
  const naiveChart = sandbox.locator("[data-playhead]").nth(0);
  const optimizedChart = sandbox.locator("[data-playhead]").nth(1);
  await expect(naiveChart).toHaveAttribute("data-playhead", "0.0000");

  // Seek in the player: each chart's playhead moves to that moment of its own recording.
  await sandbox.getByTestId("sandbox-terminal").first().focus();
  await page.keyboard.press("5");
  await expect.poll(() => shownTime(sandbox)).toBeGreaterThan(0);
  const time = await shownTime(sandbox);
  await expect.poll(() => playhead(naiveChart)).toBeCloseTo(Math.min(1, time / duration("rolling-naive")), 3);
  await expect.poll(() => playhead(optimizedChart)).toBeCloseTo(Math.min(1, time / duration("rolling-optimized")), 3);

  // Click a chart: the player seeks there, and the other chart follows too.
  const plot = sandbox.locator("[data-plot]").nth(1);
  await plot.scrollIntoViewIfNeeded(); // the stacked compare is taller than the viewport
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
  await expect.poll(() => shownTime(sandbox)).toBeCloseTo(0.25 * duration("rolling-optimized"), 0);
  await expect.poll(() => playhead(optimizedChart)).toBeCloseTo(0.25, 2);
  const after = await shownTime(sandbox);
  await expect.poll(() => playhead(naiveChart)).toBeCloseTo(Math.min(1, after / duration("rolling-naive")), 3);
});

test("the charts have a text alternative: the totals table counts every request", async ({ page, lessonPath }) => {
  const manifest = JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8")) as {
    scenarios: Record<string, { facts: { failed: number; totals: { sent: number } } }>;
  };
  await page.goto(lessonPath);
  const chart = figure(page).locator("[data-traffic-chart]").first();
  await expect(chart).toHaveAttribute("role", "img");
  await expect(chart).toHaveAttribute(
    "aria-label",
    new RegExp(
      `${manifest.scenarios["rolling-naive"]!.facts.failed} of ${manifest.scenarios["rolling-naive"]!.facts.totals.sent} requests failed`,
    ),
  );
  for (const name of ["rolling-naive", "rolling-optimized", "rolling-no-drain-window"]) {
    const row = page.locator(`[data-figure="rolling-totals"] tr[data-scenario="${name}"]`);
    await expect(row.locator("[data-failed]")).toHaveAttribute(
      "data-failed",
      String(manifest.scenarios[name]!.facts.failed),
    );
  }
});

test("each chart's requests/s bars are 5rem tall at every width", async ({ page, lessonPath }) => {
  for (const width of [390, 1350]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(lessonPath);
    const heights = await page.locator("[data-traffic-chart]").evaluateAll((charts) => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      return charts.map((chart) => chart.querySelector("svg")!.getBoundingClientRect().height / rem);
    });
    expect(heights.length).toBeGreaterThan(0);
    // Not the viewBox's aspect ratio (a lesson-wide `svg { height: auto }` made them 23 px on a phone, 119 on a laptop).
    for (const height of heights) expect(height, `at ${width} px`).toBeCloseTo(5, 1);
  }
});
