import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
}

test.describe("course site", () => {
  test("index lists the chapter and navigates to the lesson", async ({ page, lessonPath }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Shipping Node.js in containers" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /Chapter 10: Production and Scaling/ })).toBeVisible();
    await page
      .getByRole("region", { name: /Chapter 10/ })
      .getByRole("link", { name: /10\.4\s*Dockerizing Node\.js/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`${lessonPath}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Dockerizing Node.js" })).toBeVisible();
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumb.getByRole("link", { name: "Course" })).toHaveAttribute("href", "/");
    await expect(breadcrumb.locator("[aria-current=page]")).toHaveText("10.4 Dockerizing Node.js");
  });

  test("table of contents links jump to their headings, below the sticky header", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    const toc = page.getByRole("navigation", { name: "On this page" });
    const links = toc.getByRole("link");
    expect(await links.count()).toBeGreaterThan(2);
    // A heading in the middle of the lesson can scroll to the top of the screen; the last one is near the end.
    for (const link of [links.nth(1), links.last()]) {
      const target = (await link.getAttribute("href")) ?? "";
      expect(target).toMatch(/^#[a-z0-9-]+$/);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${target}$`));
      await expect(page.locator(target)).toBeInViewport();
      // Not under the sticky header: components/lesson/header-offset.tsx makes its height the scroll padding.
      await expect
        .poll(() =>
          page.evaluate((selector) => {
            const heading = document.querySelector(selector)!.getBoundingClientRect();
            const header = document.querySelector(".site-header")!.getBoundingClientRect();
            return Math.round(heading.top - Math.max(0, header.bottom));
          }, target),
        )
        .toBeGreaterThanOrEqual(0);
    }
  });

  test("every table-of-contents entry points at a heading that exists", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    const hrefs = await page
      .getByRole("navigation", { name: "On this page" })
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    for (const href of hrefs) await expect(page.locator(`${href}:is(h2, h3)`)).toHaveCount(1);
  });

  test("theme toggle changes the theme and the choice survives a reload", async ({ page, lessonPath }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(lessonPath);
    const html = page.locator("html");
    await expect(html).toHaveAttribute("data-theme", "light");
    const toggle = page.getByRole("button", { name: /^Theme: System/ });
    await toggle.click(); // system → light
    await page.getByRole("button", { name: /^Theme: Light/ }).click(); // light → dark
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("button", { name: /^Theme: Dark/ })).toBeVisible();
  });

  test("with no stored choice the theme follows the system, before any script bundle runs", async ({
    browser,
    lessonPath,
  }) => {
    const context = await browser.newContext({ colorScheme: "dark", javaScriptEnabled: true });
    const page = await context.newPage();
    await page.route(/\/_next\/static\/.*\.js$/, (route) => route.abort());
    await page.goto(lessonPath);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await context.close();
  });

  test("copy button copies the code without callout numbers", async ({ page, context, lessonPath }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(lessonPath);
    const block = page
      .locator("figure.code-block")
      .filter({ has: page.locator(".callout-marker") })
      .first();
    await block.getByRole("button", { name: "Copy" }).click();
    await expect(block.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const visibleLines = await block
      .locator("pre")
      .evaluate((pre) => pre.textContent!.replace(/\n$/, "").split("\n").length);
    expect(copied.split("\n")).toHaveLength(visibleLines);
    expect(copied).not.toMatch(/\[!callout/);
    expect(copied.split("\n").some((line) => /\s\d$/.test(line))).toBe(false);
  });

  test("skip link is the first stop and moves focus to the content", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator("main")).toBeFocused();
  });

  test("lesson fits a 360 px wide phone without sideways scrolling", async ({ page, lessonPath }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(lessonPath);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("on a phone the table of contents is one collapsed list under the header", async ({ page, lessonPath }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(lessonPath);
    const toc = page.getByRole("navigation", { name: "On this page" });
    await expect(toc).toHaveCount(1);
    await expect(toc.getByRole("link").first()).toBeHidden();
    await toc.getByText("On this page").click();
    const first = toc.getByRole("link").first();
    await expect(first).toBeVisible();
    const target = (await first.getAttribute("href")) ?? "";
    await first.click();
    await expect(page.locator(target)).toBeInViewport();
  });

  test("index and lesson pages have no serious accessibility violations, in both themes", async ({
    page,
    lessonPath,
  }) => {
    // Four full axe scans, two of them over the whole lesson (a dozen sandboxes): well over the default 30 s on 2 cores.
    test.setTimeout(120_000);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/");
      await expectNoSeriousAxeViolations(page);
      await page.goto(lessonPath);
      await expectNoSeriousAxeViolations(page);
    }
  });

  test("an unknown page shows a helpful not-found page", async ({ page }) => {
    const response = await page.goto("/learn/nope/nothing");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
