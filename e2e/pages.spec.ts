import { writeFileSync } from "node:fs";
import { expect, reachQuiz, test, type Page } from "./fixtures";

/** What the lesson and progress pages look like at the widths they are read at: the small things that read as unfinished. */

async function openLesson(page: Page, lessonPath: string) {
  await page.goto(lessonPath);
  await expect(page.getByRole("button", { name: /Mark lesson complete|Completed/ })).toBeEnabled();
}

/** Waits for a smooth scroll to end: the scroll position stops changing. */
async function scrollSettled(page: Page) {
  let previous = -1;
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => window.scrollY);
        const same = now === previous;
        previous = now;
        return same;
      },
      { intervals: [150], timeout: 5_000 },
    )
    .toBe(true);
}

for (const width of [360, 390]) {
  test.describe(`phone, ${width} px`, () => {
    test.use({ viewport: { width, height: 800 }, hasTouch: true, isMobile: true });

    test("tapping an entry in the collapsed 'On this page' list lands its heading fully below the sticky header", async ({
      page,
      lessonPath,
    }) => {
      test.setTimeout(90_000);
      await openLesson(page, lessonPath);
      const toc = page.getByRole("navigation", { name: "On this page" }).filter({ visible: true });
      const entries = toc.getByRole("link");
      const headerHeight = await page
        .locator(".site-header")
        .evaluate((header) => header.getBoundingClientRect().height);
      expect(headerHeight, "the header wraps on a phone: taller than the old 72 px allowance").toBeGreaterThan(72);
      for (const index of [1, 6, 12]) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await scrollSettled(page);
        const details = toc.locator("details");
        if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
          await toc.getByText("On this page").tap();
        const entry = entries.nth(index);
        const id = decodeURIComponent((await entry.getAttribute("href"))!.slice(1));
        await entry.tap();
        await expect(page).toHaveURL(new RegExp(`#${id}$`));
        await scrollSettled(page);
        const heading = page.locator(`[id="${id}"]`);
        const headingBox = (await heading.boundingBox())!;
        const headerBottom = await page
          .locator(".site-header")
          .evaluate((header) => header.getBoundingClientRect().bottom);
        expect(headingBox.y, `"${await heading.textContent()}" starts below the header`).toBeGreaterThanOrEqual(
          Math.max(0, headerBottom),
        );
        expect(headingBox.y + headingBox.height).toBeLessThanOrEqual(800);
      }
    });
  });
}

test.describe("quizzes", () => {
  test("the verdict comes before the Try again and Show answer buttons", async ({ page, lessonPath }) => {
    await openLesson(page, lessonPath);
    const single = await reachQuiz(page, "base-image");
    await single.getByRole("radio", { name: "node:20-alpine" }).check();
    await single.getByRole("button", { name: "Check answer" }).click();
    const verdict = single.getByText("Not quite.", { exact: true });
    await expect(verdict).toBeVisible();
    const verdictBox = (await verdict.boundingBox())!;
    for (const name of ["Try again", "Show answer"]) {
      const button = single.getByRole("button", { name });
      await expect(button).toBeVisible();
      expect((await button.boundingBox())!.y, `${name} is below the verdict`).toBeGreaterThan(
        verdictBox.y + verdictBox.height,
      );
    }
  });

  test("predict the outcome says in words where the answer comes from and links to the moment", async ({
    page,
    lessonPath,
  }) => {
    await openLesson(page, lessonPath);
    const predict = await reachQuiz(page, "naive-stop-exit-code");
    await predict.getByRole("radio").first().check();
    await predict.getByRole("button", { name: "Lock in prediction" }).click();
    const source = predict.getByTestId("predict-source");
    await expect(source).toContainText("The answer comes from the exit code Docker reported");
    await expect(source).not.toContainText("manifest");
    await expect(source).not.toContainText("naiveExitCode");
    const link = source.getByRole("link");
    await expect(link).toHaveAttribute("href", /^#stop-naive@\d+(\.\d)?$/);
    await link.click();
    await expect(page).toHaveURL(/#stop-naive@\d+(\.\d)?$/);
  });
});

test.describe("the lesson's prose about its recordings", () => {
  test("the compose section says which Compose ran and that v2's command runs the same stack", async ({
    page,
    lessonPath,
  }) => {
    await page.goto(lessonPath);
    const section = page.locator("p").filter({ hasText: "The recording ran Docker Compose" });
    await expect(section).toContainText(/Docker Compose \d+\.\d+\.\d+, the docker-compose command \(Compose\s+v1\)/);
    await expect(section).toContainText("runs the same stack from the same file");
  });

  test("the secrets sandbox explains the distroless image's failed id", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    await expect(page.locator("p").filter({ hasText: "executable file not found in $PATH" })).toContainText(
      "the distroless image has no id binary",
    );
  });
});

test.describe("the progress page", () => {
  for (const width of [390, 700, 1280]) {
    test(`at ${width} px the stat cards fill whole rows (never 3 + 1) and each lesson's status is a badge`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/progress");
      const cards = page.getByRole("heading", { level: 2, name: "Overall" }).locator("xpath=..").locator("dl > div");
      await expect(cards).toHaveCount(4);
      const tops = await cards.evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect().top),
      );
      const perRow = [...new Set(tops)].map((top) => tops.filter((other) => other === top).length);
      expect(perRow, "cards per row").toEqual(perRow.length === 1 ? [4] : [2, 2]);

      const status = page.locator("tr[data-lesson] td").first().locator("[data-status]");
      await expect(status).toHaveText("not started");
      const style = await status.evaluate((element) => {
        const computed = getComputedStyle(element);
        return { radius: parseFloat(computed.borderTopLeftRadius), border: parseFloat(computed.borderTopWidth) };
      });
      expect(style.radius, "a rounded badge").toBeGreaterThan(8);
      expect(style.border).toBeGreaterThan(0);
    });
  }

  test("the import control is a styled button, not the browser's bare Choose File, and an empty file is called empty", async ({
    page,
  }, testInfo) => {
    await page.goto("/progress");
    const input = page.getByLabel(/Import progress from a file/);
    await expect(input).toHaveAttribute("type", "file");
    // The native control is not what shows: the label around it, styled like the Export button, is.
    expect(await input.evaluate((element) => getComputedStyle(element).opacity)).toBe("0");
    const label = page.locator("label").filter({ has: input });
    const exportButton = page.getByRole("button", { name: "Export progress" });
    const look = (element: Element) => {
      const computed = getComputedStyle(element);
      return { radius: computed.borderTopLeftRadius, padding: computed.padding, font: computed.fontSize };
    };
    expect(await label.evaluate(look)).toEqual(await exportButton.evaluate(look));
    await expect(label).toHaveText("Import progress from a file…");

    const empty = testInfo.outputPath("empty-file.json");
    writeFileSync(empty, "");
    await input.setInputFiles(empty);
    const alert = page.getByRole("region", { name: "Your data" }).getByRole("alert");
    await expect(alert).toContainText("This file is empty");
    await expect(alert).not.toContainText("not valid JSON");
  });
});
