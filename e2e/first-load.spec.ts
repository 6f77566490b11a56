import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { firstLoadScripts, LAZY_CODE, lazyCodeIn } from "../benchmarks/first-load-js";
import { expect, test } from "./fixtures";

/*
 * What loads after first paint or on demand (CodeMirror, the exercise's rules, island and lab panel,
 * zod, the saved progress store, the sandbox player, xterm, the presenter) stays out of every page's first-load scripts,
 * as the export serves them. `npm run bench:site` prints the same check next to the byte budgets.
 */
test("no page's first-load scripts carry code that loads after first paint or on demand", async ({
  page,
  lessonPath,
  presentPath,
}) => {
  for (const route of ["/", lessonPath, "/practice", "/progress", presentPath, `${presentPath}/notes`]) {
    const sources = firstLoadScripts(await (await page.request.get(route)).text());
    expect(sources.length, `${route} loads scripts`).toBeGreaterThan(0);
    const scripts = await Promise.all(
      sources.map(async (source) => (await page.request.get(`/_next/${source}`)).text()),
    );
    expect(lazyCodeIn(route, scripts), `lazy code in the first load of ${route}`).toEqual([]);
  }
});

test("the check can see each of them: every marker is in some script the export serves", async () => {
  // The export the suite serves (playwright.config.ts), read from disk: a marker found nowhere would pass above for ever.
  const chunks = path.join(process.cwd(), "out", "_next", "static", "chunks");
  const scripts = readdirSync(chunks)
    .filter((file) => file.endsWith(".js"))
    .map((file) => readFileSync(path.join(chunks, file), "utf8"));
  expect(lazyCodeIn("/", scripts)).toEqual(LAZY_CODE.filter(({ page }) => !page?.test("/")).map(({ code }) => code));
});

/*
 * Each page's <head> inlines the CSS of the components it renders, not the whole site's: the sandbox's styles are a
 * third of the site's CSS, and a page without a sandbox would parse them (twice more in Next's flight data) before
 * its first paint.
 */
test("a page without a sandbox inlines none of the sandbox's styles", async ({ page, lessonPath }) => {
  await page.goto(lessonPath);
  const sandboxClass = await page.locator("figure[data-sandbox]").first().getAttribute("class");
  expect(sandboxClass, "the lesson's sandboxes have a class").toBeTruthy();
  const selector = `.${sandboxClass!.split(" ")[0]}`;
  const inlinedCss = async (route: string) => {
    await page.goto(route);
    return (await page.locator("head style").allTextContents()).join("\n");
  };
  expect(await inlinedCss(lessonPath), "the check can see the sandbox's styles where they belong").toContain(selector);
  for (const route of ["/", "/practice", "/progress"]) {
    expect(await inlinedCss(route), `${route} inlines the sandbox's styles`).not.toContain(selector);
  }
});
