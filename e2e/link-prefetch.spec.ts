import { expect, test } from "./fixtures";

/**
 * Links between pages prefetch the next page when the reader reaches for it, not when they scroll into view
 * (components/layout/intent-link.tsx): a page load fetches nothing for the pages it links to.
 */
test("the home page prefetches the lesson on hover, not on load, and the link still navigates", async ({
  page,
  basePath,
  lessonPath,
}) => {
  const lessonDataRequests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    // The lesson's route data: the static export's RSC payloads (…/dockerizing-nodejs/__next….txt, or ?_rsc=).
    if (url.pathname.startsWith(lessonPath) && (url.pathname.endsWith(".txt") || url.searchParams.has("_rsc")))
      lessonDataRequests.push(request.url());
  });
  await page.goto(`${basePath}/`);
  await page.waitForLoadState("networkidle");
  // Give a viewport prefetch (Next schedules it after hydration, in idle time) every chance to show up.
  await page.waitForTimeout(1000);
  expect(lessonDataRequests, "requests for the lesson's data while the home page loaded").toEqual([]);

  const card = page.locator(".lesson-card__link").first();
  await card.hover();
  await expect
    .poll(() => lessonDataRequests.length, { message: "a prefetch once the pointer is over the link" })
    .toBeGreaterThan(0);
  await card.click();
  await expect(page).toHaveURL(new RegExp(`${lessonPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Dockerizing Node.js" })).toBeVisible();
});
