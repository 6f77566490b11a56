import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";

const NAIVE = readFileSync(path.join(__dirname, "..", "sandboxes", "images", "naive", "Dockerfile"), "utf8");

/** A learner's fix of the naive Dockerfile: not the model answer, but right by every static check. */
const FIXED = `ARG BASE_IMAGE=node:20.20.2-bookworm-slim
FROM \${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM \${BASE_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server.js"]
`;

const exercise = (page: Page) => page.getByRole("region", { name: "Fix the naive Dockerfile" });
const editor = (page: Page) => exercise(page).getByRole("textbox", { name: /Dockerfile editor/ });

/** Opens the lesson with saved progress loaded, then scrolls to the exercise until CodeMirror has replaced the text. */
async function openExercise(page: Page, lessonPath: string) {
  await page.goto(lessonPath);
  await expect(page.getByRole("button", { name: /Mark lesson complete|Completed/ })).toBeEnabled();
  await exercise(page).scrollIntoViewIfNeeded();
  await expect(editor(page)).toBeVisible();
}

/** Replaces the editor's text the way a paste does, through CodeMirror's own input handling. */
async function replaceText(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

test.describe("the Dockerfile exercise", () => {
  test("shows the naive Dockerfile before the editor loads, and the editor takes its place without a shift", async ({
    page,
    lessonPath,
  }) => {
    const html = await (await page.request.get(lessonPath)).text();
    expect(html).toContain("data-exercise-placeholder");
    expect(html).toContain("ARG BASE_IMAGE=node:20");

    await page.goto(lessonPath);
    const frame = exercise(page).locator("[data-exercise-placeholder]").locator("..");
    await expect(exercise(page).locator("[data-exercise-placeholder]")).toHaveText(NAIVE.trimEnd());
    // Far down the lesson: CodeMirror has not loaded yet.
    await expect(page.locator(".cm-editor")).toHaveCount(0);
    const before = await frame.boundingBox();
    await exercise(page).scrollIntoViewIfNeeded();
    await expect(editor(page)).toBeVisible();
    const after = await exercise(page).locator("[data-exercise-editor]").locator("..").boundingBox();
    expect(after?.height).toBe(before?.height);
    expect(after?.width).toBe(before?.width);
    await expect(editor(page)).toContainText("ARG BASE_IMAGE=node:20");
    await expect(editor(page)).toContainText('CMD ["npm", "start"]');
  });

  test("edits the naive Dockerfile into a correct one and sees every static check pass; progress keeps it", async ({
    page,
    lessonPath,
  }) => {
    await openExercise(page, lessonPath);
    const block = exercise(page);
    await expect(block.getByRole("button", { name: "Show a model answer" })).toHaveCount(0);

    await block.getByRole("button", { name: "Check my Dockerfile" }).click();
    await expect(block.getByText(/^2 of 12 static checks pass\./)).toBeVisible();
    const copyFirst = block.locator('[data-rule="copy-before-install"]');
    await expect(copyFirst).toContainText("✗ Fail");
    await expect(copyFirst).toContainText("Line 8:");
    await expect(copyFirst.getByRole("link", { name: "Why, in the lesson" })).toHaveAttribute(
      "href",
      `${lessonPath}#build-cache`,
    );
    await expect(block.locator('[data-rule="pinned-base"]')).toContainText("course rule");
    await expect(block.locator('[data-rule="healthcheck"]')).toContainText("DL3057");

    // The model answer is offered after an attempt, and it is the real optimized Dockerfile.
    await block.getByRole("button", { name: "Show a model answer" }).click();
    await expect(block.getByLabel("The model answer")).toContainText("FROM ${NODE_IMAGE} AS runtime");

    await replaceText(page, FIXED);
    await expect(block.getByText(/check it again/)).toBeVisible();
    await block.getByRole("button", { name: "Check my Dockerfile" }).click();
    await expect(block.getByText("Every static check passes (12 of 12).")).toBeVisible();
    await expect(block.locator("[data-rule]")).toHaveCount(12);
    await expect(block.locator("[data-rule]").filter({ hasText: "✗ Fail" })).toHaveCount(0);
    await expect(block.getByText("(2 attempts)")).toBeVisible();

    // Reset brings back the naive Dockerfile.
    await block.getByRole("button", { name: "Reset" }).click();
    await expect(editor(page)).toContainText("ARG BASE_IMAGE=node:20");
    await expect(editor(page)).not.toContainText("AS build");

    await page.goto("/progress");
    const row = page.locator('[data-exercise="fix-naive"]');
    await expect(row).toContainText("Fix the naive Dockerfile");
    await expect(row.locator("td").nth(0)).toHaveText("2");
    await expect(row.locator("td").nth(1)).toHaveText("12 of 12 checks");
    await expect(row.locator("td").nth(2)).toHaveText("not run yet");
  });

  test("text Docker would not read gets a line-numbered message instead of checks", async ({ page, lessonPath }) => {
    await openExercise(page, lessonPath);
    await replaceText(page, 'FORM node:20.20.2-bookworm-slim\nWORKDIR /app\nCMD ["node", "dist/server.js"\n');
    await exercise(page).getByRole("button", { name: "Check my Dockerfile" }).click();
    const results = exercise(page).locator("[data-exercise-results]");
    await expect(results).toContainText("no check could run");
    await expect(results).toContainText('Line 1: "FORM" is not a Dockerfile instruction (did you mean FROM?).');
    await expect(results).toContainText("Line 2: WORKDIR comes before the first FROM; only ARG may.");
    await expect(results).toContainText("Line 3: CMD opens a JSON array that is never closed");
  });

  test("keyboard: Tab reaches the editor, and Escape or Tab leaves it", async ({ page, lessonPath }) => {
    await openExercise(page, lessonPath);
    const check = exercise(page).getByRole("button", { name: "Check my Dockerfile" });
    // Focus whatever comes just before the editor in the page's tab order, then Tab once.
    const before = await editor(page).evaluate((content) => {
      const focusable = [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button:not([disabled]), [tabindex="0"], [contenteditable="true"]',
        ),
      ];
      const previous = focusable[focusable.indexOf(content as HTMLElement) - 1];
      previous?.focus();
      return previous?.outerHTML.slice(0, 120) ?? "nothing";
    });
    const editorFocused = () => editor(page).evaluate((content) => content === document.activeElement);
    await page.keyboard.press("Tab");
    expect(await editorFocused(), `Tab from ${before}`).toBe(true);
    await page.keyboard.type("# typed ");
    await page.keyboard.press("Escape");
    await expect(check).toBeFocused();

    await page.keyboard.press("Shift+Tab");
    await expect.poll(editorFocused).toBe(true);
    await page.keyboard.press("Tab");
    await expect(check).toBeFocused();
    // Tab moved focus instead of typing a tab character.
    await expect(editor(page)).toContainText("# typed ");
    // (toContainText collapses whitespace, so a tab is looked for in the raw text.)
    expect(await editor(page).evaluate((content) => content.textContent?.includes("\t"))).toBe(false);
  });

  test("fits a phone: no sideways scroll, 16px text in the editor, and the buttons stay reachable", async ({
    page,
    lessonPath,
  }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await openExercise(page, lessonPath);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const fontSize = await exercise(page)
      .locator("[data-exercise-editor]")
      .evaluate((element) => getComputedStyle(element).fontSize);
    expect(fontSize).toBe("16px");
    await replaceText(page, FIXED);
    await exercise(page).getByRole("button", { name: "Check my Dockerfile" }).click();
    await expect(exercise(page).getByText("Every static check passes (12 of 12).")).toBeVisible();
  });
});
