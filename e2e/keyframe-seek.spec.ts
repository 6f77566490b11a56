import { expect, test, type Locator } from "./fixtures";

/** The recording with the most output events: seeking in it restores a build-time whole screen. */
const SCENARIO = "pid1-matrix";

/** The terminal's screen as drawn. */
const screenText = (figure: Locator) => figure.locator("[data-screen]").first().innerText();

test.describe("keyframe seeking", () => {
  test("a seek that restores a keyframe lands on the screen that playing through shows", async ({
    page,
    lessonPath,
  }) => {
    test.setTimeout(90_000);
    const screensFile = page.waitForResponse((response) => response.url().endsWith(`/screens/${SCENARIO}.json`));
    await page.goto(lessonPath);
    const figure = page.locator(`figure[data-sandbox="${SCENARIO}"]`);
    await figure.scrollIntoViewIfNeeded();
    const served = await screensFile;
    expect(served.status()).toBe(200);
    const { frames } = (await served.json()) as { frames: unknown[] };
    expect(frames.length, "the recording has build-time whole screens to seek from").toBeGreaterThan(2);
    await figure.locator("[data-screen]").first().waitFor();

    // Played through from the start, event after event, at the fastest speed.
    await figure.getByLabel("Speed").selectOption("4");
    await figure.getByRole("button", { name: "Play" }).click();
    await expect(figure.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect(figure.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 30_000 });
    const seek = figure.getByRole("slider", { name: "Seek" });
    const playedThrough = await screenText(figure);
    expect(playedThrough).toContain("$");

    // Back to the middle (a restore), then to the end: past the middle's whole screen, so another restore. End on the
    // seek bar must reach the last output event, which sits between two of the bar's 0.1 s steps.
    await figure.getByTestId("sandbox-terminal").first().focus();
    await page.keyboard.press("5");
    await expect.poll(() => screenText(figure)).not.toBe(playedThrough);
    await seek.focus();
    await page.keyboard.press("End");
    await expect.poll(() => screenText(figure)).toBe(playedThrough);
  });
});

test.describe("the screen's colours", () => {
  test("draws the recording's styles as xterm would: the bold green prompt bright, a dim comment at half opacity", async ({
    page,
    lessonPath,
  }) => {
    await page.goto(lessonPath);
    // The compare's first screen is the naive image's.
    const figure = page.locator('figure[data-sandbox="stop-naive stop-optimized"]');
    await figure.scrollIntoViewIfNeeded();
    await figure.locator("[data-screen]").first().waitFor();
    await figure.getByTestId("sandbox-terminal").first().focus();
    await page.keyboard.press("9");
    const styleOf = (text: string) =>
      figure
        .locator("[data-screen] span", { hasText: text })
        .first()
        .evaluate((span) => ({ color: getComputedStyle(span).color, weight: getComputedStyle(span).fontWeight }));
    // \e[1;32m "$": bold in basic green is drawn bright green (#56d364), bold.
    await expect.poll(() => styleOf("$")).toEqual({ color: "rgb(86, 211, 100)", weight: "700" });
    // \e[2m on the default foreground (#e6edf3): the same colour at half opacity.
    expect((await styleOf("# naive image")).color).toBe("rgba(230, 237, 243, 0.5)");
  });
});

test.describe("without served screens", () => {
  test("the player computes them itself (as for a live run's recording) and shows what the build would", async ({
    page,
    lessonPath,
  }) => {
    test.setTimeout(60_000);
    const figure = page.locator(`figure[data-sandbox="${SCENARIO}"]`);
    await page.goto(lessonPath);
    await figure.scrollIntoViewIfNeeded();
    await figure.locator("[data-screen]").first().waitFor();
    await figure.getByTestId("sandbox-terminal").first().focus();
    await page.keyboard.press("7");
    await expect.poll(() => screenText(figure)).toContain("$");
    const fromTheBuild = await screenText(figure);

    const refused: string[] = [];
    await page.route("**/screens/*.json", (route) => {
      refused.push(route.request().url());
      return route.abort();
    });
    await page.reload();
    await figure.scrollIntoViewIfNeeded();
    await figure.locator("[data-screen]").first().waitFor();
    expect(refused.some((url) => url.endsWith(`/screens/${SCENARIO}.json`))).toBe(true);
    await figure.getByTestId("sandbox-terminal").first().focus();
    await page.keyboard.press("7");
    await expect.poll(() => screenText(figure)).toBe(fromTheBuild);
  });
});
