import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "./fixtures";
import { parseAsciicast } from "../lib/asciicast/parse";
import { alignEvents, stateAt } from "@/lib/recordings/timeline";

/**
 * The sandbox player against the production build. Expectations come from the same recordings and
 * manifest the build used (sandboxes/recordings), never from numbers typed here, so they hold
 * after every re-recording.
 */

const DIR = path.resolve("sandboxes/recordings");
const manifest = JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8")) as {
  scenarios: Record<string, { title: string; events: Parameters<typeof alignEvents>[1]; facts: { exitCode?: number } }>;
};

function scenario(name: string) {
  const recording = parseAsciicast(readFileSync(path.join(DIR, `${name}.cast`), "utf8"));
  const entry = manifest.scenarios[name]!;
  return { recording, entry, events: alignEvents(recording, entry.events) };
}

const compareFigure = (page: Page) => page.locator('figure[data-sandbox="stop-naive stop-optimized"]');
const healthFigure = (page: Page) => page.locator('figure[data-sandbox="health-flip"]');

/** The playhead in seconds (the display rounds to tenths; data-time has the exact value). */
async function shownTime(figure: Locator): Promise<number> {
  return Number(await figure.getByTestId("sandbox-time").getAttribute("data-time"));
}

function panelValue(figure: Locator, title: string, field: string): Locator {
  return figure.getByRole("region", { name: `State: ${title}` }).locator(`[data-field="${field}"] dd`);
}

test.describe("sandbox player", () => {
  test("ships no player code or recording until the sandbox nears the viewport", async ({ page, lessonPath }) => {
    await page.setViewportSize({ width: 1280, height: 500 });
    const casts: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/recordings/")) casts.push(request.url());
    });
    await page.goto(lessonPath);
    const figure = compareFigure(page);
    const distance = await figure.evaluate((element) => element.getBoundingClientRect().top - window.innerHeight);
    expect(
      distance,
      "the sandbox must start well below the first screen for this test to mean anything",
    ).toBeGreaterThan(800);
    await page.waitForTimeout(500);
    expect(casts).toEqual([]);
    await expect(page.locator("[data-screen]")).toHaveCount(0);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator("[data-screen]")).toHaveCount(2);
    expect(casts.some((url) => url.endsWith("/recordings/stop-naive.cast"))).toBe(true);
  });

  test("the poster reserves the player's height, so loading a player shifts nothing", async ({ page, lessonPath }) => {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(lessonPath);
      const figures = page.locator("figure[data-sandbox]");
      const before = await figures.evaluateAll((all) =>
        all.map((figure) => Math.round(figure.getBoundingClientRect().height)),
      );
      for (const figure of await figures.all()) await figure.scrollIntoViewIfNeeded();
      const scenarios = (
        await figures.evaluateAll((all) => all.map((figure) => figure.getAttribute("data-sandbox")!.split(" ").length))
      ).reduce((a, b) => a + b, 0);
      await expect(page.locator("[data-screen]")).toHaveCount(scenarios);
      await expect(page.getByText("Loading the recording…")).toHaveCount(0);
      const after = await figures.evaluateAll((all) =>
        all.map((figure) => Math.round(figure.getBoundingClientRect().height)),
      );
      expect(after, `figure heights at ${width} px`).toEqual(before);
    }
  });

  test("plays, pauses and shows the recording's output in the terminal", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    const figure = compareFigure(page);
    await figure.getByRole("button", { name: /Play/ }).click();
    await expect(figure.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect.poll(() => shownTime(figure)).toBeGreaterThan(0.5);
    await expect(figure.locator("[data-screen]").first()).toContainText("listening on port 3000");
    await figure.getByRole("button", { name: "Pause" }).click();
    await expect(figure.getByRole("button", { name: "Play" })).toBeVisible();
    const paused = await shownTime(figure);
    await page.waitForTimeout(600);
    expect(await shownTime(figure)).toBe(paused);
  });

  test("keyboard: digits jump, arrows seek, space toggles, ] and [ walk the markers and the panel follows", async ({
    page,
    lessonPath,
  }) => {
    const { recording, entry, events } = scenario("health-flip");
    await page.goto(lessonPath);
    const figure = healthFigure(page);
    await figure.scrollIntoViewIfNeeded();
    const terminal = figure.getByTestId("sandbox-terminal");
    await expect(figure.locator("[data-screen]")).toHaveCount(1);
    await terminal.focus();

    await page.keyboard.press("5");
    await expect.poll(() => shownTime(figure)).toBeCloseTo(recording.duration / 2, 1);
    await page.keyboard.press("0");
    await expect.poll(() => shownTime(figure)).toBe(0);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => shownTime(figure)).toBeCloseTo(Math.min(5, recording.duration), 1);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => shownTime(figure)).toBe(0);

    // ] to each marker in turn: the panel shows the merged state at that marker.
    const stops = [...new Set(events.map((event) => event.time))];
    for (const time of stops) {
      await page.keyboard.press("]");
      await expect.poll(() => shownTime(figure)).toBeCloseTo(time, 2);
      const last = events.filter((event) => event.time === time).at(-1)!;
      await expect(figure.getByText(`Last event: ${last.label}`)).toBeVisible();
      const expected = stateAt(recording, events, time);
      if (expected.container) await expect(panelValue(figure, entry.title, "container")).toHaveText(expected.container);
      if (expected.health) await expect(panelValue(figure, entry.title, "health")).toHaveText(expected.health);
    }
    // [ goes back, and the state goes back with it.
    await page.keyboard.press("[");
    const previous = stops[stops.length - 2]!;
    await expect.poll(() => shownTime(figure)).toBeCloseTo(previous, 2);
    await expect(panelValue(figure, entry.title, "container")).toHaveText(
      stateAt(recording, events, previous).container!,
    );

    await page.keyboard.press("0");
    await page.keyboard.press(" ");
    await expect(figure.getByRole("button", { name: "Pause" })).toBeVisible();
    await page.keyboard.press("k");
    await expect(figure.getByRole("button", { name: "Play" })).toBeVisible();
  });

  test("compare mode runs both recordings on one clock to their different ends", async ({ page, lessonPath }) => {
    const naive = scenario("stop-naive");
    const optimized = scenario("stop-optimized");
    await page.goto(lessonPath);
    const figure = compareFigure(page);
    await figure.getByRole("button", { name: /Play/ }).click();
    await figure.getByLabel("Speed").selectOption("4");
    // Wait for the end itself: "Play" alone is also what the button says before the engine has started.
    await expect
      .poll(() => shownTime(figure), { timeout: 15_000 })
      .toBeCloseTo(Math.max(naive.recording.duration, optimized.recording.duration), 1);
    await expect(figure.getByRole("button", { name: "Play" })).toBeVisible(); // paused at the end
    await expect(panelValue(figure, naive.entry.title, "exitCode")).toHaveText(
      String(stateAt(naive.recording, naive.events, Infinity).exitCode),
    );
    await expect(panelValue(figure, optimized.entry.title, "exitCode")).toHaveText(
      String(stateAt(optimized.recording, optimized.events, Infinity).exitCode),
    );
    await expect(panelValue(figure, naive.entry.title, "inflight")).toHaveText(
      stateAt(naive.recording, naive.events, Infinity).inflight!,
    );
    await expect(panelValue(figure, optimized.entry.title, "inflight")).toHaveText(
      stateAt(optimized.recording, optimized.events, Infinity).inflight!,
    );
    await expect(figure.locator("[data-screen]")).toHaveCount(2);
    // Each terminal ends on its request's real fate: dropped by the naive image, answered by the optimized one.
    await expect(figure.locator("[data-screen]").nth(0)).toContainText("Empty reply from server");
    await expect(figure.locator("[data-screen]").nth(1)).toContainText("HTTP 200 after");
  });

  test("a deep link opens the page with that sandbox at that time, and the player copies one", async ({
    page,
    context,
    lessonPath,
  }) => {
    const { recording, entry, events } = scenario("stop-naive");
    const sigterm = events.find((event) => event.kind === "sigterm")!;
    const at = Math.round((sigterm.time + 0.3) * 10) / 10;
    await page.goto(`${lessonPath}#stop-naive@${at}`);
    const figure = compareFigure(page);
    await expect.poll(() => shownTime(figure)).toBeCloseTo(at, 1);
    await expect(figure).toBeInViewport();
    await expect(figure.getByRole("button", { name: "Play" })).toBeVisible(); // opened paused
    await expect(panelValue(figure, entry.title, "container")).toHaveText(stateAt(recording, events, at).container!);
    await expect(figure.locator("[data-screen]").first()).toContainText("$ docker stop course-stop-naive");

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await figure.getByRole("button", { name: /^Copy link/ }).click();
    await expect(figure.getByText(/^Link copied:/)).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`${lessonPath}#stop-naive@${at}$`));
  });

  test("the transcript is in the HTML and readable without JavaScript", async ({ browser, lessonPath }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(lessonPath);
    const figure = healthFigure(page);
    await figure.getByText("Transcript", { exact: false }).first().click();
    const list = figure.locator("details pre");
    await expect(list).toBeVisible();
    await expect(list).toContainText("listening on port 3000");
    for (const event of scenario("health-flip").events) await expect(list).toContainText(event.label);
    await expect(page.locator("[data-screen]")).toHaveCount(0);
    await context.close();
  });

  test("commands given while the recording loads all take effect, in order", async ({ page, lessonPath }) => {
    // Hold the recording back so Play and a seek both arrive before the player exists.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/recordings/health-flip.cast", async (route) => {
      await held;
      await route.continue();
    });
    const { recording } = scenario("health-flip");
    await page.goto(lessonPath);
    const figure = healthFigure(page);
    // The poster's Play, clicked where it is (far below the fold): a pointer click would scroll the sandbox into
    // view first, and the player it starts loading could replace the poster (its own Play disabled while the
    // held recording loads) before the click lands.
    await figure.getByRole("button", { name: "Play" }).dispatchEvent("click");
    await expect(figure.getByText("Loading the recording…")).toBeVisible();
    await figure.getByTestId("sandbox-terminal").focus();
    await page.keyboard.press("5");
    release();
    // Both commands ran: it seeked to 50 % and is playing from there (a later command used to replace Play).
    await expect(figure.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect.poll(() => shownTime(figure)).toBeGreaterThan(recording.duration * 0.5);
  });

  test("a truncated recording shows a clear error inside its sandbox; the rest of the page keeps working", async ({
    page,
    lessonPath,
  }) => {
    const text = readFileSync(path.join(DIR, "health-flip.cast"), "utf8");
    const lines = text.split("\n");
    await page.route("**/recordings/health-flip.cast", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/x-asciicast",
        body: lines.slice(0, 4).join("\n") + "\n" + (lines[4] ?? "").slice(0, 12),
      }),
    );
    await page.goto(lessonPath);
    const figure = healthFigure(page);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.getByRole("alert")).toHaveText(
      /health-flip\.cast is damaged: line 5: the line is cut off; the recording looks truncated/,
    );
    // The other sandbox still plays.
    const compare = compareFigure(page);
    await compare.getByRole("button", { name: /Play/ }).click();
    await expect.poll(() => shownTime(compare)).toBeGreaterThan(0.3);
  });

  test("a missing or invalid recording says so inside the sandbox", async ({ page, lessonPath }) => {
    await page.route("**/recordings/health-flip.cast", (route) => route.fulfill({ status: 404, body: "not found" }));
    await page.route("**/recordings/stop-optimized.cast", (route) =>
      route.fulfill({ status: 200, body: '{"version": 2, "width": 80, "height": 24}\n[1, "o"]\n' }),
    );
    await page.goto(lessonPath);
    await healthFigure(page).scrollIntoViewIfNeeded();
    await expect(healthFigure(page).getByRole("alert")).toHaveText(
      /health-flip\.cast could not be loaded \(HTTP 404\)/,
    );
    await compareFigure(page).scrollIntoViewIfNeeded();
    await expect(compareFigure(page).getByRole("alert")).toHaveText(
      /stop-optimized\.cast is damaged: line 2: expected \[time, code, data\]/,
    );
  });

  test("the loaded player has no serious accessibility violations", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    const figure = compareFigure(page);
    await figure.getByRole("button", { name: /Play/ }).click();
    await expect(figure.locator("[data-screen]")).toHaveCount(2);
    const results = await new AxeBuilder({ page }).include("figure[data-sandbox]").analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  });
});
