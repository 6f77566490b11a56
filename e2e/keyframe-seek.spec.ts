import { expect, test, type Locator } from "./fixtures";

/** The recording with the most output events: seeking in it restores a build-time keyframe. */
const SCENARIO = "pid1-matrix";

/** The terminal's screen as drawn: xterm draws only a terminal on screen, so it is scrolled into view first. */
const screenText = async (figure: Locator) => {
  await figure.locator(".xterm").first().scrollIntoViewIfNeeded();
  return figure.locator(".xterm-rows").first().innerText();
};

test.describe("keyframe seeking", () => {
  test("a seek that restores a keyframe lands on the screen that playing through shows", async ({
    page,
    lessonPath,
  }) => {
    test.setTimeout(90_000);
    const keyframes = page.waitForResponse((response) => response.url().endsWith(`/keyframes/${SCENARIO}.json`));
    await page.goto(lessonPath);
    const figure = page.locator(`figure[data-sandbox="${SCENARIO}"]`);
    await figure.scrollIntoViewIfNeeded();
    const served = await keyframes;
    expect(served.status()).toBe(200);
    const { frames } = (await served.json()) as { frames: unknown[] };
    expect(frames.length, "the recording has build-time keyframes to seek from").toBeGreaterThan(2);
    await figure.locator(".xterm").first().waitFor();

    // Played through from the start, event after event, at the fastest speed.
    await figure.getByLabel("Speed").selectOption("4");
    await figure.getByRole("button", { name: "Play" }).click();
    await expect(figure.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect(figure.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 30_000 });
    const seek = figure.getByRole("slider", { name: "Seek" });
    const playedThrough = await screenText(figure);
    expect(playedThrough).toContain("$");

    // Back to the middle (a restore), then to the end: past the middle's keyframe, so another restore. End on the
    // seek bar must reach the last output event, which sits between two of the bar's 0.1 s steps.
    await figure.getByTestId("sandbox-terminal").first().focus();
    await page.keyboard.press("5");
    await expect.poll(() => screenText(figure)).not.toBe(playedThrough);
    await seek.focus();
    await page.keyboard.press("End");
    await expect.poll(() => screenText(figure)).toBe(playedThrough);
  });
});
