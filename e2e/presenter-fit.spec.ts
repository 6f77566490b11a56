import { expect, test, type Locator, type Page } from "./fixtures";

/**
 * Presenter mode on a projector: every step fits the screen without scrolling, with the speaker
 * notes beside the stage or not. Each step's parts that the room needs (terminal, state panel,
 * seek bar and Play; the title step's objectives; the key help) are measured by their boxes.
 */

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const counter = (page: Page) => page.getByTestId("step-counter");
const stage = (page: Page) => page.locator("section[data-step]");

interface Box {
  what: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A box's edges in the viewport; `what` names it in a failure. */
async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what} has no box (not rendered)`);
  return { what, top: box.y, bottom: box.y + box.height, left: box.x, right: box.x + box.width };
}

/** What the room must see on the current step. */
async function partsOf(page: Page): Promise<Box[]> {
  const parts: Box[] = [await boxOf(page.locator("[data-presenter] > footer"), "key help")];
  if ((await stage(page).getAttribute("data-step")) === "title") {
    const objectives = stage(page).getByRole("listitem");
    const count = await objectives.count();
    expect(count, "the title step lists the lesson's objectives").toBeGreaterThan(0);
    for (let index = 0; index < count; index++)
      parts.push(await boxOf(objectives.nth(index), `objective ${index + 1}`));
    return parts;
  }
  const sides = await stage(page).getByTestId("sandbox-terminal").count();
  if (sides === 0) return parts;
  const screens = stage(page).locator("[data-screen]");
  await expect(screens).toHaveCount(sides);
  for (let index = 0; index < sides; index++) {
    parts.push(await boxOf(screens.nth(index), `terminal ${index + 1}`));
    parts.push(
      await boxOf(
        stage(page)
          .getByRole("region", { name: /^State:/ })
          .nth(index),
        `state panel ${index + 1}`,
      ),
    );
  }
  parts.push(await boxOf(stage(page).getByRole("slider", { name: "Seek" }), "seek bar"));
  parts.push(await boxOf(stage(page).getByRole("button", { name: "Play" }), "Play button"));
  return parts;
}

/** The boxes once the terminal's font has been fitted: two measurements in a row that agree. */
async function settledParts(page: Page): Promise<Box[]> {
  let previous = "";
  let parts: Box[] = [];
  await expect
    .poll(
      async () => {
        parts = await partsOf(page);
        const now = JSON.stringify(parts);
        const same = now === previous;
        previous = now;
        return same;
      },
      { timeout: 10_000, intervals: [150] },
    )
    .toBe(true);
  return parts;
}

/** How far each terminal's screen (its rows) reaches past the box that shows it: more than 0 cuts its lines. */
async function cutTerminals(page: Page): Promise<number[]> {
  return stage(page)
    .getByTestId("sandbox-terminal")
    .evaluateAll((terminals) =>
      terminals.map((terminal) => {
        const shown = terminal.parentElement!.getBoundingClientRect();
        const screen = terminal.querySelector("[data-screen]")!.getBoundingClientRect();
        return Math.max(screen.right - shown.right, screen.bottom - shown.bottom, 0);
      }),
    );
}

for (const screen of SCREENS) {
  for (const notes of [false, true]) {
    test(`at ${screen.width}×${screen.height} every step fits without scrolling, notes ${notes ? "open" : "closed"}`, async ({
      page,
      presentPath,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(screen);
      await page.goto(presentPath);
      await expect(page.getByTestId("offline-status")).not.toHaveAttribute("data-state", "checking", {
        timeout: 20_000,
      });
      if (notes) {
        await page.keyboard.press("s");
        await expect(page.getByTestId("speaker-notes")).toBeVisible();
      }
      const total = Number(/of (\d+)/.exec((await counter(page).textContent())!)![1]);
      const problems: string[] = [];
      for (let step = 1; step <= total; step++) {
        await expect(counter(page)).toHaveText(`Step ${step} of ${total}`);
        if ((await stage(page).getAttribute("data-step")) !== "title")
          await expect(stage(page).getByRole("button", { name: "Play" })).toBeEnabled({ timeout: 15_000 });
        const parts = await settledParts(page);
        const id = await stage(page).getAttribute("data-step");
        for (const [index, cut] of (await cutTerminals(page)).entries())
          if (cut > 0.5) problems.push(`step ${step} (${id}): terminal ${index + 1} is cut by ${Math.round(cut)} px`);
        // A step may narrow the notes to make room for its terminals, never to a column a speaker cannot read (15rem).
        if (notes) {
          const notesWidth = (await page.getByTestId("speaker-notes").boundingBox())?.width ?? 0;
          if (notesWidth < 240)
            problems.push(`step ${step} (${id}): the speaker notes are ${Math.round(notesWidth)} px wide`);
        }
        for (const part of parts) {
          if (part.top < 0 || part.bottom > screen.height + 0.5 || part.left < 0 || part.right > screen.width + 0.5)
            problems.push(
              `step ${step} (${id}): ${part.what} spans x ${Math.round(part.left)}–${Math.round(part.right)}, y ${Math.round(part.top)}–${Math.round(part.bottom)}`,
            );
        }
        const scroll = await page.evaluate(() => {
          const presenter = document.querySelector<HTMLElement>("[data-presenter]")!;
          return {
            presenter: presenter.scrollHeight - presenter.clientHeight,
            document: document.documentElement.scrollHeight - window.innerHeight,
          };
        });
        if (scroll.presenter > 0 || scroll.document > 0)
          problems.push(
            `step ${step} (${id}) scrolls: ${scroll.presenter} px in the presenter, ${scroll.document} px in the page`,
          );
        if (step < total) await page.keyboard.press("PageDown");
      }
      expect(problems, `outside ${screen.width}×${screen.height}`).toEqual([]);
    });
  }
}

test("the key help is reachable from the stage: ? opens it and Esc closes it", async ({ page, presentPath }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${presentPath}#3`);
  await expect(page.getByTestId("offline-status")).not.toHaveAttribute("data-state", "checking", { timeout: 20_000 });
  const help = page.getByRole("dialog", { name: "Presenter keys" });
  await expect(help).toBeHidden();
  await page.getByRole("button", { name: "Keys" }).click();
  await expect(help).toBeVisible();
  await expect(help).toContainText("next / previous step");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await page.keyboard.press("?");
  await expect(help).toBeVisible();
});
