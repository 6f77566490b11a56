import net from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** Presenter mode against the production build, from the committed recordings (no Docker). */
const PRESENT = "/present/production-and-scaling/dockerizing-nodejs";
const LESSON = "/learn/production-and-scaling/dockerizing-nodejs";

test.beforeEach(({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

const counter = (page: Page) => page.getByTestId("step-counter");
const stage = (page: Page) => page.locator("section[data-step]");
const playhead = async (page: Page) => Number(await stage(page).getByTestId("sandbox-time").first().getAttribute("data-time"));

/** Opens the presenter and waits until it has hydrated (its first effect has looked for a live server), so keys reach it. */
async function present(page: Page, suffix = "") {
  await page.goto(`${PRESENT}${suffix}`);
  await expect(page.getByTestId("live-server-status")).not.toHaveAttribute("data-state", "checking");
}

/** A port nothing listens on: the presenter must treat it as "no live server". */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.describe("presenter mode", () => {
  test("the lesson links to it, and it steps through the lesson's sandboxes with a clicker's keys", async ({ page }) => {
    await page.goto(LESSON);
    await page.getByRole("link", { name: "Present this lesson" }).click();
    await expect(page).toHaveURL(new RegExp(`${PRESENT}$`));
    await expect(page.getByTestId("live-server-status")).not.toHaveAttribute("data-state", "checking");
    await expect(counter(page)).toHaveText(/^Step 1 of (\d+)$/);
    const total = Number(/of (\d+)/.exec((await counter(page).textContent())!)![1]);
    expect(total).toBeGreaterThan(2);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("10.4 Dockerizing Node.js");

    await page.keyboard.press("PageDown");
    await expect(counter(page)).toHaveText(`Step 2 of ${total}`);
    await expect(stage(page)).toHaveAttribute("data-step", "secrets-and-user");
    await page.keyboard.press("ArrowRight");
    await expect(stage(page)).toHaveAttribute("data-step", "stop-naive-vs-stop-optimized");
    await expect(page).toHaveURL(/#3$/);
    // The compare step shows both recordings side by side, on one clock.
    await expect(stage(page).locator(".xterm")).toHaveCount(2);
    await page.keyboard.press("PageUp");
    await expect(counter(page)).toHaveText(`Step 2 of ${total}`);
    await page.keyboard.press("End");
    await expect(counter(page)).toHaveText(`Step ${total} of ${total}`);
    await page.keyboard.press("PageDown");
    await expect(counter(page)).toHaveText(`Step ${total} of ${total}`);
    await page.keyboard.press("Home");
    await expect(counter(page)).toHaveText(`Step 1 of ${total}`);

    // A reload (or a shared link) opens the same step.
    await present(page, "#6");
    await expect(counter(page)).toHaveText(`Step 6 of ${total}`);
  });

  test("space plays and pauses, ] jumps marker to marker, and the state panel follows", async ({ page }) => {
    await present(page, "#3");
    await expect(stage(page).locator(".xterm")).toHaveCount(2);
    await page.keyboard.press("]");
    const firstMarker = await playhead(page);
    expect(firstMarker).toBeGreaterThan(0);
    await page.keyboard.press("]");
    await page.keyboard.press("]");
    await page.keyboard.press("]");
    const fourthMarker = await playhead(page);
    expect(fourthMarker).toBeGreaterThan(firstMarker);
    await page.keyboard.press("[");
    expect(await playhead(page)).toBeLessThan(fourthMarker);
    await expect(stage(page).getByRole("region", { name: /^State: docker stop on the naive image/ }).locator('[data-field="container"] dd')).not.toHaveText("—");

    const before = await playhead(page);
    await page.keyboard.press(" ");
    await expect.poll(() => playhead(page), { timeout: 5_000 }).toBeGreaterThan(before + 0.5);
    await page.keyboard.press(" ");
    await expect(stage(page).getByRole("button", { name: "Play" })).toBeVisible();
    const paused = await playhead(page);
    await page.waitForTimeout(400);
    expect(await playhead(page)).toBe(paused);
  });

  test("speaker notes show in a panel (S) and in a second window that follows and drives the presenter", async ({ page, context }) => {
    await present(page, "#3");
    await expect(page.getByTestId("speaker-notes")).toHaveCount(0);
    await page.keyboard.press("s");
    await expect(page.getByTestId("speaker-notes")).toContainText("Ask the room to predict both exit codes");
    await page.keyboard.press("s");
    await expect(page.getByTestId("speaker-notes")).toHaveCount(0);

    const notes = await context.newPage();
    await notes.goto(`${PRESENT}/notes`);
    await expect(notes.getByTestId("notes-step")).toHaveText(/^Step 3 of/);
    await expect(notes.getByTestId("notes-window")).toContainText("Ask the room to predict both exit codes");
    // The recording's markers with their times, for the speaker.
    await expect(notes.getByTestId("notes-window")).toContainText("docker stop: SIGTERM sent");

    await page.bringToFront();
    await page.keyboard.press("PageDown");
    await expect(notes.getByTestId("notes-step")).toHaveText(/^Step 4 of/);
    await notes.getByRole("button", { name: "Next step ▶" }).click();
    await expect(counter(page)).toHaveText(/^Step 5 of/);
    await expect(stage(page)).toHaveAttribute("data-step", "zombies");
  });

  test("works offline once loaded: a reload with no network still presents and plays", async ({ page, context }) => {
    await present(page, "#2");
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    await context.setOffline(true);
    // Proof the network is really gone: something never cached cannot be fetched.
    expect(await page.evaluate(() => fetch(`/recordings/not-cached-${Date.now()}.cast`).then(() => "online", () => "offline"))).toBe("offline");
    await page.reload();
    await expect(counter(page)).toHaveText(/^Step 2 of/);
    await page.keyboard.press("PageDown");
    await expect(stage(page).locator(".xterm")).toHaveCount(2);
    await page.keyboard.press(" ");
    await expect.poll(() => playhead(page), { timeout: 5_000 }).toBeGreaterThan(0.5);
    await page.goto(`${PRESENT}/notes#3`);
    await expect(page.getByTestId("notes-window")).toContainText("Ask the room to predict both exit codes");
    await context.setOffline(false);
  });

  test("with no live server, L falls back to the recording with a notice", async ({ page }) => {
    const port = await closedPort();
    await present(page, `?live=http://127.0.0.1:${port}#3`);
    await expect(page.getByTestId("live-server-status")).toHaveAttribute("data-state", "unavailable");
    await page.keyboard.press("l");
    await expect(page.getByTestId("presenter-notice")).toContainText(`Live mode is not available: no live server answers at http://127.0.0.1:${port}`);
    await expect(page.getByTestId("mode-badge")).toHaveText("Recorded");
    await expect(stage(page).locator(".xterm")).toHaveCount(2);
  });

  test("has no accessibility violations on a sandbox step with notes open", async ({ page }) => {
    await present(page, "#3");
    await expect(stage(page).locator(".xterm")).toHaveCount(2);
    await page.keyboard.press("s");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
  });
});

test.describe("presenter mode with a damaged recording", () => {
  // page.route cannot see requests a service worker answers; this test needs to see them.
  test.use({ serviceWorkers: "block" });

  test("shows the error in the step and keeps presenting", async ({ page }) => {
    await page.route("**/recordings/zombies.cast", (route) => route.fulfill({ status: 200, body: '{"version": 2, "width": 100, "height": 30}\n[0.1, "o", "cut of' }));
    await present(page, "#5");
    await expect(stage(page)).toHaveAttribute("data-step", "zombies");
    await expect(stage(page).getByRole("alert")).toContainText("zombies.cast is damaged: line 2: the line is cut off");
    await page.keyboard.press("PageDown");
    await expect(stage(page)).toHaveAttribute("data-step", "health-flip");
    await expect(stage(page).locator(".xterm")).toHaveCount(1);
  });
});
