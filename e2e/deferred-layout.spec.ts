import { expect, test, type Page } from "./fixtures";

/** Blocks of the lesson whose contents are not laid out yet: `content-visibility: auto` skips them. */
function skippedBlocks(page: Page) {
  return page.evaluate(
    () =>
      [...document.querySelectorAll(".prose > *")].filter(
        (block) => block.firstElementChild && !block.firstElementChild.checkVisibility({ contentVisibilityAuto: true }),
      ).length,
  );
}

test.describe("the lesson's layout on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a fresh visit lays out what is on screen first, then the rest in the background", async ({
    page,
    lessonPath,
  }) => {
    // Held scripts: the page shows as it first paints, before any idle time to lay the rest out.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(lessonPath, { waitUntil: "domcontentloaded" });
    const blocks = await page.locator(".prose > *").count();
    const skipped = await skippedBlocks(page);
    expect(skipped, `blocks skipped at first (of ${blocks})`).toBeGreaterThan(blocks / 2);
    await expect(page.locator(".prose > *").first()).toBeVisible();

    release();
    await expect.poll(() => skippedBlocks(page), { timeout: 15_000 }).toBe(0);
    await expect(page.locator("html")).not.toHaveAttribute("data-defer-layout");
  });
});
