import { expect, test, type Page } from "./fixtures";

/**
 * The export built with COURSE_BASE_PATH=/course and served under /course/ (the "base-path"
 * project in playwright.config.ts): every request the site makes stays under the path, and
 * navigation, recordings, deep links and the presenter's offline copy work there.
 */

/** Every request the page makes to the site's server, and every answer that is an error. */
function watchRequests(page: Page, siteOrigin: string) {
  const paths: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === siteOrigin) paths.push(url.pathname);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  // A prefetch the browser cancels because the page navigates away is not an error.
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    if (reason !== "net::ERR_ABORTED") errors.push(`${reason} ${new URL(request.url()).pathname}`);
  });
  return { paths, errors };
}

test.describe("hosted under a base path", () => {
  test("the course index, a lesson and its recordings load from under the path and nothing else", async ({
    page,
    baseURL,
    basePath,
    lessonPath,
  }) => {
    expect(basePath, "this spec only means something under a base path").not.toBe("");
    const requests = watchRequests(page, new URL(baseURL!).origin);
    await page.goto(`${basePath}/`);
    await expect(page.getByRole("heading", { level: 1, name: "Shipping Node.js in containers" })).toBeVisible();
    await page
      .getByRole("region", { name: /Chapter 10/ })
      .getByRole("link", { name: /10\.4\s*Dockerizing Node\.js/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`${lessonPath}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Dockerizing Node.js" })).toBeVisible();

    const compare = page.locator('figure[data-sandbox="stop-naive stop-optimized"]');
    await compare.scrollIntoViewIfNeeded();
    await expect(compare.locator("[data-screen]")).toHaveCount(2);
    expect(requests.paths).toContain(`${basePath}/recordings/stop-naive.cast`);

    await expect(page.getByRole("link", { name: "Present this lesson" })).toHaveAttribute(
      "href",
      `${basePath}/present/production-and-scaling/dockerizing-nodejs`,
    );
    expect(requests.errors).toEqual([]);
    expect(requests.paths.filter((path) => path !== basePath && !path.startsWith(`${basePath}/`))).toEqual([]);
  });

  test("a deep link into a recording opens the player at that moment", async ({ page, lessonPath }) => {
    await page.goto(`${lessonPath}#stop-naive@2`);
    const compare = page.locator('figure[data-sandbox="stop-naive stop-optimized"]');
    await expect(compare).toBeInViewport();
    await expect
      .poll(async () => Number(await compare.getByTestId("sandbox-time").first().getAttribute("data-time")))
      .toBeCloseTo(2, 1);
  });

  test("presenter mode saves its offline copy under the path and reloads from it offline", async ({
    page,
    context,
    baseURL,
    basePath,
    lessonPath,
    presentPath,
  }) => {
    const requests = watchRequests(page, new URL(baseURL!).origin);
    await page.goto(lessonPath);
    await page.getByRole("link", { name: "Present this lesson" }).click();
    await expect(page).toHaveURL(new RegExp(`${presentPath}$`));
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(`${basePath}/present/`);
    const cached = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      return paths;
    });
    expect(cached).toContain(`${basePath}/recordings/stop-naive.cast`);
    expect(cached.filter((path) => !path.startsWith(`${basePath}/`))).toEqual([]);
    expect(requests.errors).toEqual([]);

    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.goto(`${presentPath}#2`);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    await page.keyboard.press("PageDown");
    await expect(page.locator("section[data-step]").locator("[data-screen]")).toHaveCount(2);
    await context.setOffline(false);
  });
});
