import { expect, test as base, type Locator, type Page } from "@playwright/test";

export { expect };
export type { Locator, Page, Route } from "@playwright/test";

/** The lesson the specs exercise: it has every sandbox, every quiz kind, a practice deck and presenter steps. */
const LESSON_ID = "production-and-scaling/dockerizing-nodejs";

export interface CourseFixtures {
  /** The path the site is hosted under ("" at the root, "/course" in the base-path project). */
  basePath: string;
  /** The lesson under test, e.g. `/learn/production-and-scaling/dockerizing-nodejs`. */
  lessonPath: string;
  /** The same lesson in presenter mode. */
  presentPath: string;
  /** Fails the test if the page throws an uncaught exception (on by itself: specs never ask for it). */
  failOnPageError: void;
}

/** Every spec's `test`: the lesson's paths, and no page may throw. */
export const test = base.extend<CourseFixtures>({
  basePath: ["", { option: true }],
  lessonPath: async ({ basePath }, provide) => provide(`${basePath}/learn/${LESSON_ID}`),
  presentPath: async ({ basePath }, provide) => provide(`${basePath}/present/${LESSON_ID}`),
  failOnPageError: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on("pageerror", (error) => errors.push(error));
      await use();
      expect(
        errors.map((error) => error.stack ?? error.message),
        "uncaught exceptions in the page",
      ).toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * A lesson's quiz once the reader has scrolled to it. Its island loads when it comes near the viewport; until then the
 * server-rendered quiz shows with every control disabled, so a test (like a reader) goes there first.
 */
export async function reachQuiz(page: Page, id: string): Promise<Locator> {
  const quiz = page.locator(`[data-quiz="${id}"]`);
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator("button:enabled, input:enabled").first()).toBeAttached();
  return quiz;
}
