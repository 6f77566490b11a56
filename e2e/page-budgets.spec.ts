import { expect, test } from "./fixtures";

/**
 * Issue 17's page budgets that a test can assert without timing anything: the lesson's DOM size on load (what
 * Lighthouse's DOM size audit counts) and what its SEO audits ask of every page. Scores and timings are measured by
 * npm run bench:lighthouse.
 */

const LESSON_DOM_BUDGET = 2000;

test("the lesson's DOM on load stays within 2,000 elements, on a phone and on a laptop", async ({
  page,
  lessonPath,
}) => {
  // Lighthouse's phone (412 × 823) and a laptop: the sandboxes near the first screen load their players.
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 1350, height: 940 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(lessonPath);
    await page.waitForLoadState("networkidle");
    // Lighthouse counts every element in <body>, shadow roots included (the page has none).
    const elements = await page.evaluate(() => document.body.querySelectorAll("*").length + 1);
    expect(elements, `elements at ${viewport.width} px`).toBeLessThanOrEqual(LESSON_DOM_BUDGET);
  }
});

test("every page may be indexed and has a description", async ({ page, basePath, lessonPath, presentPath }) => {
  for (const path of [
    `${basePath}/`,
    lessonPath,
    `${basePath}/practice`,
    `${basePath}/progress`,
    presentPath,
    `${presentPath}/notes`,
  ]) {
    await page.goto(path);
    await expect(page.locator('meta[name="robots"][content*="noindex"]'), path).toHaveCount(0);
    await expect(page.locator('meta[name="description"]'), path).toHaveAttribute("content", /\w{3,}.{40,}/);
  }
});
