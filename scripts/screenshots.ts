/**
 * The README's screenshots, taken from a running build (`npm start`, or `next start` on any port):
 *   npm run screenshots                                   # against http://127.0.0.1:3000
 *   SCREENSHOT_BASE_URL=http://127.0.0.1:3119 npm run screenshots
 * Writes docs/compare.png (the lesson's compare view at 1280×800), docs/presenter-1280x720.png (a
 * presenter step with its terminals) and docs/notes-window.png (the speaker's second window).
 */
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import * as z from "../lib/site/zod";
import { chromiumLaunchOptions } from "../e2e/browser";

const LESSON = "production-and-scaling/dockerizing-nodejs";
/** The presenter step with the naive and optimized images side by side. */
const COMPARE_STEP = 3;

const baseUrl = z
  .url({ error: "SCREENSHOT_BASE_URL must be a URL such as http://127.0.0.1:3000" })
  .parse(process.env.SCREENSHOT_BASE_URL ?? "http://127.0.0.1:3000")
  .replace(/\/$/, "");
const docs = path.join(process.cwd(), "docs");

/** The player has drawn its terminals (their screens replaced the posters). */
async function terminalsDrawn(page: Page, count: number) {
  await page
    .locator("[data-screen]")
    .nth(count - 1)
    .waitFor({ timeout: 20_000 });
  // The font fit runs on the next animation frames.
  await page.waitForTimeout(500);
}

async function compareView(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}/learn/${LESSON}`);
  // Open the compare at the naive image's last cited moment (its exit), as a reader's <Evidence> link does.
  const moments = await page
    .locator('a.evidence[data-evidence-scenario="stop-naive"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  const latest = moments.sort((a, b) => Number(a.split("@")[1]) - Number(b.split("@")[1])).at(-1);
  if (!latest) throw new Error("The lesson has no <Evidence> link into stop-naive to open the compare at.");
  // A fresh load (not a same-page hash change), as a shared link opens.
  await page.goto("about:blank");
  await page.goto(`${baseUrl}/learn/${LESSON}${latest}`);
  const figure = page.locator('figure[data-sandbox="stop-naive stop-optimized"]');
  await figure.scrollIntoViewIfNeeded();
  await terminalsDrawn(page, 2);
  // As a reader watching both would: the first terminal just under the sticky header, the controls at the bottom.
  await page.evaluate(() => {
    const figure = document.querySelector('figure[data-sandbox="stop-naive stop-optimized"]')!;
    const screen = figure.querySelector("[data-testid=sandbox-terminal]")!.parentElement!;
    const header = document.querySelector(".site-header")!.getBoundingClientRect().bottom;
    window.scrollTo(0, window.scrollY + screen.getBoundingClientRect().top - header - 8);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(docs, "compare.png") });
}

async function presenterStep(page: Page) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${baseUrl}/present/${LESSON}#${COMPARE_STEP}`);
  await terminalsDrawn(page, 2);
  // Three markers in: SIGTERM has been sent and both terminals have output.
  for (let marker = 0; marker < 3; marker++) await page.keyboard.press("]");
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(docs, "presenter-1280x720.png") });
}

async function notesWindow(page: Page) {
  // The size the presenter opens it at (its O key).
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${baseUrl}/present/${LESSON}/notes#${COMPARE_STEP}`);
  await page.getByTestId("notes-window").waitFor();
  await page.screenshot({ path: path.join(docs, "notes-window.png") });
}

async function main() {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ reducedMotion: "reduce" });
    await compareView(page);
    await presenterStep(page);
    await notesWindow(page);
    console.log(`Wrote docs/compare.png, docs/presenter-1280x720.png and docs/notes-window.png from ${baseUrl}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
