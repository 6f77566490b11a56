import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";

const TOTAL_CARDS = 11;

async function openPractice(page: Page) {
  await page.goto("/practice");
  // The form shows at once, disabled, and fills in when saved progress has loaded.
  await expect(page.getByTestId("due-summary")).not.toContainText("Loading");
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test.describe("interview practice", () => {
  test("full cycle: timed card, reveal, self-grade, schedule visible and persisted", async ({ page }) => {
    await page.clock.install({ time: new Date("2026-03-10T09:00:00") });
    await openPractice(page);
    await expect(page.getByTestId("due-summary")).toHaveText(`${TOTAL_CARDS} of ${TOTAL_CARDS} cards are due today.`);
    await page.getByRole("checkbox", { name: /Timed: 2 minutes per answer/ }).check();
    await page.getByRole("button", { name: "Start practice" }).click();

    // Card 1: answer in time, cover every key point → strong → box 2, due in two days.
    await expect(page.getByText(`Card 1 of ${TOTAL_CARDS}`)).toBeVisible();
    const question = page.getByRole("heading", { level: 2, name: /multi-stage build/ });
    await expect(question).toBeFocused();
    const timer = page.getByRole("timer", { name: "Time left to answer" });
    await expect(timer).toHaveText("2:00");
    await page.clock.runFor(5_000);
    await expect(timer).toHaveText("1:55");
    await page.getByLabel(/Your answer/).fill("Build stage with all deps, runtime stage with only dist and prod deps.");
    await page.getByRole("button", { name: "Reveal model answer" }).click();
    await expect(page.getByRole("heading", { name: "Model answer" })).toBeFocused();
    await expect(
      page.getByText("Build stage with all deps, runtime stage with only dist and prod deps."),
    ).toBeVisible();
    await expect(timer).toHaveCount(0);
    const points = page.getByRole("group", { name: /Key points/ }).getByRole("checkbox");
    const count = await points.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) await points.nth(i).check();
    await page.getByRole("button", { name: "Save my grade" }).click();
    await expect(page.getByTestId("grade-result")).toContainText(`You covered ${count} of ${count} key points. Strong`);
    await expect(page.getByTestId("grade-result")).toContainText(`Next due: ${addDays("2026-03-10", 2)} (in 2 days)`);

    // Card 2: let the timer run out → the model answer appears; grade it weak → box 1, tomorrow.
    await page.getByRole("button", { name: "Next card" }).click();
    await expect(page.getByText(`Card 2 of ${TOTAL_CARDS}`)).toBeVisible();
    await expect(page.getByRole("timer")).toHaveText("2:00");
    await page.clock.runFor(121_000);
    await expect(page.getByText("Time's up. Compare what you had with the model answer.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Model answer" })).toBeVisible();
    await page.getByRole("button", { name: "Save my grade" }).click();
    await expect(page.getByTestId("grade-result")).toContainText("Weak: the card goes back to box 1");
    await expect(page.getByTestId("grade-result")).toContainText(`Next due: ${addDays("2026-03-10", 1)} (tomorrow)`);

    // The schedule survives a reload and shows the weak card coming back first.
    await page.reload();
    await expect(page.getByTestId("due-summary")).toHaveText(
      `${TOTAL_CARDS - 2} of ${TOTAL_CARDS} cards are due today.`,
    );
    await expect(page.locator('tr[data-card="multi-stage-build"]')).toContainText(
      `${addDays("2026-03-10", 2)} (in 2 days)`,
    );
    await expect(page.locator('tr[data-card="non-root-user"] td').nth(1)).toHaveText("1");
    await expect(page.locator('tr[data-card="non-root-user"]')).toContainText("(tomorrow)");

    // Next day: the weak card is due again, the strong one is not.
    await page.clock.setSystemTime(new Date("2026-03-11T09:00:00"));
    await page.reload();
    await expect(page.getByTestId("due-summary")).toHaveText(
      `${TOTAL_CARDS - 1} of ${TOTAL_CARDS} cards are due today.`,
    );
    await page.getByRole("button", { name: "Start practice" }).click();
    // Reviewed-and-due cards come before new ones.
    await expect(page.getByRole("heading", { level: 2, name: /run as root/ })).toBeVisible();

    await page.goto("/progress");
    await expect(page.getByTestId("streak")).toHaveText("1 day");
  });

  test("shuffle changes the card order and a session can be finished", async ({ page }) => {
    await openPractice(page);
    await page.getByRole("checkbox", { name: "Shuffle the cards" }).check();
    const firsts = new Set<string>();
    for (let attempt = 0; attempt < 6 && firsts.size < 2; attempt++) {
      await page.getByRole("button", { name: "Start practice" }).click();
      firsts.add((await page.getByRole("heading", { level: 2 }).first().textContent()) ?? "");
      await page.reload();
      await page.getByRole("checkbox", { name: "Shuffle the cards" }).check();
    }
    expect(firsts.size).toBeGreaterThan(1);
  });

  test("keyboard only: start, reveal, grade and move on", async ({ page }) => {
    await openPractice(page);
    await page.getByRole("button", { name: "Start practice" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(`Card 1 of ${TOTAL_CARDS}`)).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(/Your answer/)).toBeFocused();
    await page.keyboard.type("My answer");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Reveal model answer" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await expect(
      page
        .getByRole("group", { name: /Key points/ })
        .getByRole("checkbox")
        .first(),
    ).toBeChecked();
    await page.getByRole("button", { name: "Save my grade" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("grade-result")).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Next card" })).toBeFocused();
  });

  test("axe finds no serious or critical violations in setup and during a card", async ({ page }) => {
    await openPractice(page);
    const scan = async () => {
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    };
    expect(await scan()).toEqual([]);
    await page.getByRole("checkbox", { name: /Timed/ }).check();
    await page.getByRole("button", { name: "Start practice" }).click();
    expect(await scan()).toEqual([]);
    await page.getByRole("button", { name: "Reveal model answer" }).click();
    expect(await scan()).toEqual([]);
  });
});
