import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, reachQuiz, test, type Locator, type Page } from "./fixtures";

const LAYER_ORDER = [
  "FROM node:20-slim AS build",
  "WORKDIR /app",
  "COPY package.json package-lock.json ./",
  "RUN npm ci",
  "COPY . .",
  "RUN npm run build",
];

/** Waits until the islands have loaded saved progress (the mark-complete button is enabled then). */
async function openLesson(page: Page, lessonPath: string) {
  await page.goto(lessonPath);
  await expect(page.getByRole("button", { name: /Mark lesson complete|Completed/ })).toBeEnabled();
}

async function lineOrder(orderQuiz: Locator): Promise<string[]> {
  return orderQuiz.locator("ol > li code").allTextContents();
}

/** Sorts the order-the-lines quiz with its Move up buttons only (what a keyboard user presses). */
async function sortLines(orderQuiz: Locator, viaKeyboard: Page | null = null) {
  for (let target = 0; target < LAYER_ORDER.length; target++) {
    const text = LAYER_ORDER[target]!;
    let position = (await lineOrder(orderQuiz)).indexOf(text);
    while (position > target) {
      const button = orderQuiz.getByRole("button", { name: `Move up: ${text}`, exact: true });
      if (viaKeyboard) {
        await button.focus();
        await viaKeyboard.keyboard.press("Enter");
      } else {
        await button.click();
      }
      position--;
      await expect.poll(async () => (await lineOrder(orderQuiz)).indexOf(text)).toBe(position);
    }
  }
}

test.describe("lesson quizzes", () => {
  test("a quiz's island loads when the reader nears it, not with the lesson", async ({ page, lessonPath }) => {
    await openLesson(page, lessonPath);
    // Everything the lesson's top loads has loaded: the quizzes further down are still the server's, controls disabled.
    await page.waitForLoadState("networkidle");
    const quizzes = page.locator("[data-quiz]");
    expect(await quizzes.count()).toBeGreaterThan(1);
    await expect(quizzes.locator("button:enabled, input:enabled")).toHaveCount(0);

    const order = await reachQuiz(page, "layer-order");
    await expect(order.getByRole("button", { name: "Check order" })).toBeEnabled();
  });

  test("single choice: wrong answer explains the pick, retry, correct answer persists across a reload", async ({
    page,
    lessonPath,
  }) => {
    await openLesson(page, lessonPath);
    const single = await reachQuiz(page, "base-image");
    const group = single.getByRole("group", { name: /native module built against glibc/ });
    await group.getByRole("radio", { name: "node:20-alpine" }).check();
    await single.getByRole("button", { name: "Check answer" }).click();
    await expect(single.getByText("Not quite.", { exact: true })).toBeVisible();
    await expect(single.getByText(/ships musl instead of glibc/)).toBeVisible();
    // The right answer is not given away by a wrong attempt.
    await expect(single.getByText(/still glibc, so glibc-linked native modules keep working/)).toHaveCount(0);
    await expect(single.getByRole("status")).toHaveText(/Not quite/);
    await expect(single.getByRole("button", { name: "Try again" })).toBeFocused();

    await single.getByRole("button", { name: "Try again" }).click();
    await group.getByRole("radio", { name: "node:20-slim" }).check();
    await single.getByRole("button", { name: "Check answer" }).click();
    await expect(single.getByText("Correct!", { exact: true })).toBeVisible();
    await expect(single.getByText(/still glibc, so glibc-linked native modules keep working/)).toBeVisible();

    await page.reload();
    await expect(single.getByText("Correct!", { exact: true })).toBeVisible();
    await expect(group.getByRole("radio", { name: "node:20-slim" })).toBeChecked();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("shipping-node:progress") ?? "null"));
    expect(saved.version).toBe(3);
    expect(saved.state.quizzes["production-and-scaling/dockerizing-nodejs#base-image"]).toMatchObject({
      answer: [1],
      correct: true,
      firstTryCorrect: false,
      attempts: 2,
    });
  });

  test("multiple choice needs every correct option; show answer reveals all explanations", async ({
    page,
    lessonPath,
  }) => {
    await openLesson(page, lessonPath);
    const multiple = await reachQuiz(page, "dockerignore-entries");
    await multiple.getByRole("checkbox", { name: "node_modules" }).check();
    await multiple.getByRole("checkbox", { name: ".env" }).check();
    await multiple.getByRole("button", { name: "Check answer" }).click();
    await expect(multiple.getByText("Almost: you missed a correct option.")).toBeVisible();
    await multiple.getByRole("button", { name: "Show answer" }).click();
    await expect(multiple.getByText("Correct, but you didn't pick it.")).toBeVisible();
    await expect(multiple.getByText(/refuses to run without it/)).toBeVisible();

    await multiple.getByRole("button", { name: "Try again" }).click();
    for (const name of ["node_modules", ".env", ".git"]) await multiple.getByRole("checkbox", { name }).check();
    await multiple.getByRole("button", { name: "Check answer" }).click();
    await expect(multiple.getByText("Correct!", { exact: true })).toBeVisible();
    await page.reload();
    await expect(multiple.getByText("Correct!", { exact: true })).toBeVisible();
    await expect(multiple.getByRole("checkbox", { name: "package-lock.json" })).not.toBeChecked();
  });

  test("order the lines with move buttons, check and keep the order after a reload", async ({ page, lessonPath }) => {
    await openLesson(page, lessonPath);
    const order = await reachQuiz(page, "layer-order");
    const initial = await lineOrder(order);
    expect(initial).not.toEqual(LAYER_ORDER);
    expect([...initial].sort()).toEqual([...LAYER_ORDER].sort());
    await expect(order.getByRole("button", { name: `Move up: ${initial[0]}`, exact: true })).toBeDisabled();

    await order.getByRole("button", { name: "Check order" }).click();
    await expect(order.getByText(/of 6 lines are in the right place/).first()).toBeVisible();
    await order.getByRole("button", { name: "Try again" }).click();
    await sortLines(order);
    await order.getByRole("button", { name: "Check order" }).click();
    await expect(order.getByText("Correct order!")).toBeVisible();
    await expect(order.getByText("✓ in place")).toHaveCount(6);

    await page.reload();
    await expect(order.getByText("Correct order!")).toBeVisible();
    expect(await lineOrder(order)).toEqual(LAYER_ORDER);
  });

  test("spot the problem: a wrong line gets its note, the faulty line is accepted", async ({ page, lessonPath }) => {
    await openLesson(page, lessonPath);
    const spot = await reachQuiz(page, "cache-buster");
    await spot.getByText("RUN npm ci", { exact: true }).click();
    await expect(spot.getByRole("radio", { name: /^Line 4: RUN npm ci/ })).toBeChecked();
    await spot.getByRole("button", { name: "Check line" }).click();
    await expect(spot.getByText("Not line 4.")).toBeVisible();
    await expect(spot.getByText(/it is the victim/)).toBeVisible();
    await expect(spot.getByText("← the problem")).toHaveCount(0);

    await spot.getByRole("button", { name: "Try again" }).click();
    await spot.getByText("COPY . .", { exact: true }).click();
    await spot.getByRole("button", { name: "Check line" }).click();
    await expect(spot.getByText("Correct!", { exact: true })).toBeVisible();
    await expect(spot.getByText(/Copy package\.json and the lockfile first/)).toBeVisible();
    await page.reload();
    await expect(spot.getByText("Correct!", { exact: true })).toBeVisible();
  });

  test("predict the outcome reveals what the recordings manifest says", async ({ page, lessonPath }) => {
    const manifestFile = path.join(process.cwd(), "sandboxes/recordings/manifest.json");
    const measured: string | null = existsSync(manifestFile)
      ? String(JSON.parse(readFileSync(manifestFile, "utf8")).scenarios["stop-naive"].facts.exitCode)
      : null;
    await openLesson(page, lessonPath);
    const predict = await reachQuiz(page, "naive-stop-exit-code");
    await expect(predict.getByText("Commit to a prediction before you watch the run.")).toBeVisible();
    const guess = measured === "0" ? "1" : "0";
    await predict.getByRole("radio", { name: guess, exact: true }).check();
    await predict.getByRole("button", { name: "Lock in prediction" }).click();
    if (measured === null) {
      await expect(predict.getByText("Prediction noted.")).toBeVisible();
      await expect(predict.getByText(/has not been made yet/)).toBeVisible();
    } else {
      await expect(predict.getByText(`The recording shows ${measured}.`)).toBeVisible();
      await expect(
        predict.getByRole("radio", { name: new RegExp(`^${measured} \\(what the recording shows\\)`) }),
      ).toBeVisible();
      await predict.getByRole("button", { name: "Predict again" }).click();
      await predict.getByRole("radio", { name: measured, exact: true }).check();
      await predict.getByRole("button", { name: "Lock in prediction" }).click();
      await expect(predict.getByText("You predicted right!")).toBeVisible();
    }
  });

  test("keyboard only: answer a choice quiz and reorder lines without a mouse", async ({ page, lessonPath }) => {
    await openLesson(page, lessonPath);
    const single = await reachQuiz(page, "base-image");
    // Tab into the radio group, arrow to the second option (arrow keys move and select).
    await single.getByRole("radio").first().focus();
    await page.keyboard.press("ArrowDown");
    await expect(single.getByRole("radio", { name: "node:20-slim" })).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(single.getByRole("button", { name: "Check answer" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(single.getByText("Correct!", { exact: true })).toBeVisible();
    await expect(single.getByRole("button", { name: "Try again" })).toBeFocused();

    const order = await reachQuiz(page, "layer-order");
    const lines = await lineOrder(order);
    const last = lines[lines.length - 1]!;
    const moveUp = order.getByRole("button", { name: `Move up: ${last}`, exact: true });
    await moveUp.focus();
    await page.keyboard.press("Enter");
    // Focus stays with the line that moved, so pressing Enter again keeps moving it.
    await expect(moveUp).toBeFocused();
    await expect(order.getByRole("status")).toHaveText(
      `Moved "${last}" to position ${lines.length - 1} of ${lines.length}.`,
    );
    await sortLines(order, page);
    await order.getByRole("button", { name: "Check order" }).focus();
    await page.keyboard.press("Enter");
    await expect(order.getByText("Correct order!")).toBeVisible();

    const spot = await reachQuiz(page, "cache-buster");
    await spot.getByRole("radio").first().focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(spot.getByRole("radio", { name: /^Line 3: COPY \. \./ })).toBeChecked();
    await spot.getByRole("button", { name: "Check line" }).focus();
    await page.keyboard.press("Enter");
    await expect(spot.getByText("Correct!", { exact: true })).toBeVisible();
  });

  test("mark complete toggles and persists; axe finds nothing serious on an answered lesson", async ({
    page,
    lessonPath,
  }) => {
    await openLesson(page, lessonPath);
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(page.getByRole("button", { name: "Completed ✓" })).toHaveAttribute("aria-pressed", "true");
    const single = await reachQuiz(page, "base-image");
    await single.getByRole("radio", { name: "node:20", exact: true }).check();
    await single.getByRole("button", { name: "Check answer" }).click();
    await page.reload();
    await expect(page.getByRole("button", { name: "Completed ✓" })).toBeVisible();
    const results = await new AxeBuilder({ page }).include("[data-quiz]").analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
