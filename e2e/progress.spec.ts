import { readFileSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, reachQuiz, test, type Page } from "./fixtures";

const KEY = "shipping-node:progress";

async function answerBaseImage(page: Page, lessonPath: string) {
  await page.goto(lessonPath);
  await expect(page.getByRole("button", { name: /Mark lesson complete|Completed/ })).toBeEnabled();
  const single = await reachQuiz(page, "base-image");
  await single.getByRole("radio", { name: "node:20-slim" }).check();
  await single.getByRole("button", { name: "Check answer" }).click();
  await expect(single.getByText("Correct!", { exact: true })).toBeVisible();
}

/**
 * Seeds localStorage from a same-origin page that runs none of the site's scripts; seeding from a
 * site page races its own progress load, which could migrate the seed there, before the page under test.
 */
async function openOriginWithoutScripts(page: Page) {
  await page.goto("/icon.svg");
}

async function openProgress(page: Page) {
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 2, name: "Overall" })).toBeVisible();
}

test.describe("progress", () => {
  test("the progress page shows lessons, quiz scores and due cards", async ({ page, lessonPath }) => {
    await openProgress(page);
    await expect(page.getByTestId("lessons-completed")).toHaveText("0 / 1");
    await expect(page.getByTestId("quizzes-correct")).toHaveText("0 / 6");
    await expect(page.getByTestId("cards-due")).toHaveText("11");
    await expect(page.getByTestId("streak")).toHaveText("0 days");
    await answerBaseImage(page, lessonPath);
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await openProgress(page);
    await expect(page.getByTestId("lessons-completed")).toHaveText("1 / 1");
    await expect(page.getByTestId("quizzes-correct")).toHaveText("1 / 6");
    const row = page.locator('tr[data-lesson="production-and-scaling/dockerizing-nodejs"]');
    await expect(row).toContainText("completed");
    await expect(row).toContainText("1 right, 1 answered of 6");
  });

  test("export, then import into a fresh browser context, restores progress", async ({
    page,
    browser,
    lessonPath,
  }, testInfo) => {
    await answerBaseImage(page, lessonPath);
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await openProgress(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export progress" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^shipping-node-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = testInfo.outputPath("export.json");
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, "utf8"));
    expect(exported).toMatchObject({ format: "shipping-node-progress", version: 3 });

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await openProgress(other);
    await expect(other.getByTestId("lessons-completed")).toHaveText("0 / 1");
    await other.getByLabel(/Import progress from a file/).setInputFiles(file);
    await expect(other.getByRole("status").filter({ hasText: "Imported progress from export.json." })).toBeVisible();
    await expect(other.getByTestId("lessons-completed")).toHaveText("1 / 1");
    await expect(other.getByTestId("quizzes-correct")).toHaveText("1 / 6");
    await other.goto(lessonPath);
    await expect((await reachQuiz(other, "base-image")).getByText("Correct!", { exact: true })).toBeVisible();
    await expect(other.getByRole("button", { name: "Completed ✓" })).toBeVisible();
    await fresh.close();
  });

  test("a bad import file shows a clear error and changes nothing", async ({ page, lessonPath }, testInfo) => {
    await answerBaseImage(page, lessonPath);
    await openProgress(page);
    const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
    const notJson = testInfo.outputPath("broken.json");
    writeFileSync(notJson, "{ this is not json");
    await page.getByLabel(/Import progress from a file/).setInputFiles(notJson);
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "This file is not valid JSON. Your current progress was not changed." }),
    ).toBeVisible();
    const foreign = testInfo.outputPath("foreign.json");
    writeFileSync(
      foreign,
      JSON.stringify({ format: "shipping-node-progress", version: 2, state: { quizzes: "nope" } }),
    );
    await page.getByLabel(/Import progress from a file/).setInputFiles(foreign);
    await expect(
      page.getByRole("alert").filter({ hasText: /This progress file can't be used: .*quizzes/ }),
    ).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);
    await expect(page.getByTestId("quizzes-correct")).toHaveText("1 / 6");
  });

  test("importing an empty export asks first, showing the counts it replaces, and the replaced progress can be restored", async ({
    page,
    lessonPath,
  }, testInfo) => {
    await answerBaseImage(page, lessonPath);
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await openProgress(page);
    await expect(page.getByRole("button", { name: /^Restore the progress replaced on / })).toHaveCount(0);
    const empty = testInfo.outputPath("empty.json");
    writeFileSync(
      empty,
      JSON.stringify({
        format: "shipping-node-progress",
        version: 3,
        exportedAt: new Date().toISOString(),
        state: { quizzes: {}, lessons: {}, practice: {}, practiceDays: [], exercises: {} },
      }),
    );
    await page.getByLabel(/Import progress from a file/).setInputFiles(empty);

    const confirm = page.getByRole("group", { name: /Replace your progress with empty\.json\?/ });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expect(confirm.getByRole("row", { name: /^Lessons completed/ })).toHaveText(/Lessons completed\s*1\s*0/);
    await expect(confirm.getByRole("row", { name: /^Quiz questions answered/ })).toHaveText(
      /Quiz questions answered\s*1\s*0/,
    );
    await expect(confirm).toContainText("The file holds no progress");
    const axe = await new AxeBuilder({ page }).include("main").analyze();
    expect(
      axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);
    // Nothing changes until the learner confirms.
    await expect(page.getByTestId("quizzes-correct")).toHaveText("1 / 6");
    await confirm.getByRole("button", { name: "Yes, replace my progress" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported progress from empty.json." })).toBeVisible();
    await expect(page.getByTestId("lessons-completed")).toHaveText("0 / 1");
    await expect(page.getByTestId("quizzes-correct")).toHaveText("0 / 6");

    // The backup survives a reload. With no progress left to lose, restoring it needs no question.
    await page.reload();
    await expect(page.getByTestId("quizzes-correct")).toHaveText("0 / 6");
    await page.getByRole("button", { name: /^Restore the progress replaced on / }).click();
    await expect(page.getByRole("status").filter({ hasText: "Restored the earlier progress." })).toBeVisible();
    await expect(page.getByTestId("lessons-completed")).toHaveText("1 / 1");
    await expect(page.getByTestId("quizzes-correct")).toHaveText("1 / 6");
    await expect(page.getByRole("button", { name: /^Restore the progress replaced on / })).toHaveCount(0);
    await page.goto(lessonPath);
    await expect((await reachQuiz(page, "base-image")).getByText("Correct!", { exact: true })).toBeVisible();
  });

  test("an oversized import file is refused before it is read, changing nothing", async ({
    page,
    lessonPath,
  }, testInfo) => {
    await answerBaseImage(page, lessonPath);
    await openProgress(page);
    const storageBefore = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    // A valid export padded to 1.5 MB: only its size is wrong.
    const big = testInfo.outputPath("big.json");
    const state = { quizzes: {}, lessons: {}, practice: {}, practiceDays: [] };
    writeFileSync(
      big,
      `${JSON.stringify({ format: "shipping-node-progress", version: 2, state })}${" ".repeat(1_500_000)}`,
    );
    await page.getByLabel(/Import progress from a file/).setInputFiles(big);
    await expect(page.getByRole("alert").filter({ hasText: "This file is 1.5 MB" })).toContainText("1 MB");
    await expect(page.getByRole("alert").filter({ hasText: "Your current progress was not changed." })).toBeVisible();
    await expect(page.getByRole("group", { name: /Replace your progress/ })).toHaveCount(0);
    await expect(page.getByTestId("quizzes-correct")).toHaveText("1 / 6");
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(storageBefore);
  });

  test("reset asks for confirmation; cancel keeps progress, confirm erases it", async ({ page, lessonPath }) => {
    await answerBaseImage(page, lessonPath);
    await openProgress(page);
    await page.getByRole("button", { name: "Reset progress…" }).click();
    await expect(page.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("quizzes-correct")).toHaveText("1 / 6");
    await page.getByRole("button", { name: "Reset progress…" }).click();
    await page.getByRole("button", { name: "Yes, erase my progress" }).click();
    await expect(page.getByText("All progress in this browser was erased. A copy is kept")).toBeVisible();
    await expect(page.getByTestId("quizzes-correct")).toHaveText("0 / 6");
    await page.reload();
    await expect(page.getByTestId("quizzes-correct")).toHaveText("0 / 6");
    await page.getByRole("button", { name: /Restore the progress replaced on/ }).click();
    await expect(page.getByTestId("quizzes-correct")).toHaveText("1 / 6");
  });

  test("corrupt saved data is backed up, a notice is shown and the site still works", async ({ page, lessonPath }) => {
    await openOriginWithoutScripts(page);
    await page.evaluate((key) => localStorage.setItem(key, "{definitely not json"), KEY);
    await page.goto(lessonPath);
    const notice = page.getByRole("alert").filter({ hasText: "About your saved progress" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("not valid JSON");
    const backups = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("shipping-node:progress:backup:"))
        .map((k) => localStorage.getItem(k)),
    );
    expect(backups).toEqual(["{definitely not json"]);
    // The site keeps working: answer a quiz and see it saved.
    const single = await reachQuiz(page, "base-image");
    await single.getByRole("radio", { name: "node:20-slim" }).check();
    await single.getByRole("button", { name: "Check answer" }).click();
    await expect(single.getByText("Correct!", { exact: true })).toBeVisible();
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(single.getByText("Correct!", { exact: true })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "About your saved progress" })).toHaveCount(0);
  });

  test("data from an older version is migrated with a notice", async ({ page }) => {
    await openOriginWithoutScripts(page);
    await page.evaluate((key) => {
      const v1 = {
        answers: {
          "production-and-scaling/dockerizing-nodejs#base-image": {
            kind: "SingleChoice",
            correct: true,
            attempts: 1,
            at: Date.now(),
          },
        },
        completedLessons: ["production-and-scaling/dockerizing-nodejs"],
        cards: {},
      };
      localStorage.setItem(key, JSON.stringify({ state: v1, version: 1 }));
    }, KEY);
    await openProgress(page);
    await expect(page.getByRole("alert").filter({ hasText: "Progress upgraded." })).toContainText(
      "upgraded from format 1 to 3",
    );
    await expect(page.getByTestId("lessons-completed")).toHaveText("1 / 1");
    await expect(page.getByTestId("quizzes-correct")).toHaveText("1 / 6");
  });

  test("changes in one tab show up in another", async ({ context, lessonPath }) => {
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    await openProgress(tabB);
    await expect(tabB.getByTestId("quizzes-correct")).toHaveText("0 / 6");
    await answerBaseImage(tabA, lessonPath);
    await expect(tabB.getByTestId("quizzes-correct")).toHaveText("1 / 6");
    await tabB.goto(lessonPath);
    await expect(tabB.getByRole("button", { name: "Mark lesson complete" })).toBeEnabled();
    await tabA.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(tabB.getByRole("button", { name: "Completed ✓" })).toBeVisible();
  });

  test("axe finds no serious or critical violations on the progress page", async ({ page, lessonPath }) => {
    await answerBaseImage(page, lessonPath);
    await openProgress(page);
    await page.getByRole("button", { name: "Reset progress…" }).click();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
});
