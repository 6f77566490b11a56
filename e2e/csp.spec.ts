import { CONTENT_SECURITY_POLICY } from "../deploy/headers";
import { expect, test, type Page } from "./fixtures";

/**
 * The Content-Security-Policy the README asks a host to send (deploy/headers.ts), which the e2e
 * static server sends with every answer: every page loads and runs its islands under it with no
 * violation reported, neither as an event nor in the console.
 */

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Collects violations as the browser reports them: the DOM event, and the console line Chromium writes. */
async function watchViolations(page: Page) {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`),
    );
  });
  return async () => [...console, ...(await page.evaluate(() => window.cspViolations))];
}

/** Scrolls the page through to its end, so every lazy island (players, quizzes) loads. */
async function scrollThrough(page: Page) {
  const { height, step } = await page.evaluate(() => ({
    height: document.body.scrollHeight,
    step: window.innerHeight,
  }));
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(100);
  }
}

test.describe("Content-Security-Policy", () => {
  test("the static server sends the README's policy", async ({ page, lessonPath }) => {
    const response = await page.goto(lessonPath);
    expect(response?.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });

  test("the lesson, with its players and quizzes loaded and a recording playing, reports no violation", async ({
    page,
    lessonPath,
  }) => {
    test.setTimeout(120_000);
    const violations = await watchViolations(page);
    await page.goto(lessonPath);
    await scrollThrough(page);
    const compare = page.locator('figure[data-sandbox="stop-naive stop-optimized"]');
    await compare.scrollIntoViewIfNeeded();
    await expect(compare.locator("[data-screen]")).toHaveCount(2);
    await compare.getByRole("button", { name: "Play" }).first().click();
    await expect
      .poll(async () => Number(await compare.getByTestId("sandbox-time").first().getAttribute("data-time")))
      .toBeGreaterThan(0.3);
    expect(await violations()).toEqual([]);
  });

  for (const path of ["/", "/practice", "/progress", "/learn/nope/nothing"]) {
    test(`${path} reports no violation`, async ({ page, basePath }) => {
      const violations = await watchViolations(page);
      await page.goto(`${basePath}${path}`);
      await expect(page.locator("h1").first()).toBeVisible();
      await scrollThrough(page);
      expect(await violations()).toEqual([]);
    });
  }

  test("presenter mode and its notes window, with the service worker and the player, report no violation", async ({
    page,
    presentPath,
  }) => {
    const violations = await watchViolations(page);
    await page.goto(`${presentPath}#2`);
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    await expect(page.locator("section[data-step]").locator("[data-screen]").first()).toBeVisible();
    await page.goto(`${presentPath}/notes#2`);
    await expect(page.getByTestId("notes-window")).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test("the check sees a violation when there is one: the same lesson under a policy without inline scripts", async ({
    page,
    lessonPath,
  }) => {
    const stricter = CONTENT_SECURITY_POLICY.replace("script-src 'self' 'unsafe-inline'", "script-src 'self'");
    expect(stricter).not.toBe(CONTENT_SECURITY_POLICY);
    await page.route(`**${lessonPath}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": stricter } });
    });
    const violations = await watchViolations(page);
    await page.goto(lessonPath);
    await expect(page.locator("h1").first()).toBeVisible();
    await expect.poll(violations).not.toEqual([]);
  });
});
