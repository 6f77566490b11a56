import { firstLoadScripts, lazyCodeIn } from "../benchmarks/first-load-js";
import { expect, test } from "./fixtures";

/*
 * What loads after first paint or on demand (CodeMirror, the exercise's rules, island and lab panel,
 * zod, the saved progress store, xterm, the presenter) stays out of every page's first-load scripts,
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
