import { expect, test, type Page } from "./fixtures";

/**
 * A lesson's prose is server HTML the browser keeps as it is (components/static-markup): hydration
 * skips it, so a phone spends its time on the islands only. The same prose must be there however
 * the reader arrives: by loading the page, or by a client-side navigation from another page.
 */

/** Whether React has attached itself to an element (it does to every element it hydrates or renders). */
const REACT_KEYS = "__reactFiber";

async function staticBlocks(page: Page) {
  return page.locator("article.prose").evaluate((article, reactKey) => {
    const hasReact = (element: Element) => Object.keys(element).some((key) => key.startsWith(reactKey));
    const blocks = [...article.querySelectorAll("[data-static-markup]")];
    const inside = blocks.flatMap((block) => [...block.querySelectorAll("*")]);
    return {
      blocks: blocks.length,
      blocksHydrated: blocks.filter(hasReact).length,
      empty: blocks.filter((block) => !block.hasChildNodes()).length,
      inside: inside.length,
      insideWithReact: inside.filter(hasReact).length,
      text: (article as HTMLElement).innerText,
    };
  }, REACT_KEYS);
}

test("the lesson's prose is kept as the server sent it, not hydrated", async ({ page, lessonPath }) => {
  const response = await page.goto(lessonPath);
  const serverHtml = await response!.text();
  // Hydrated: React has reached every static block itself.
  await expect
    .poll(async () => {
      const { blocks, blocksHydrated } = await staticBlocks(page);
      return blocks > 0 && blocks === blocksHydrated;
    })
    .toBe(true);
  const after = await staticBlocks(page);
  expect(after.blocks, "most of the lesson's paragraphs, lists, tables and notes").toBeGreaterThan(50);
  expect(after.inside, "elements inside the static blocks").toBeGreaterThan(500);
  expect(after.insideWithReact, "elements React walked inside the static blocks").toBe(0);
  expect(after.empty).toBe(0);
  // Nothing was lost or rewritten: the article reads as the server's HTML does (<noscript> aside: a parsed
  // document without scripting reads its content as markup, a live page as text).
  const texts = await page.locator("article.prose").evaluate((article, html) => {
    const textOf = (element: Element) => {
      const copy = element.cloneNode(true) as Element;
      for (const noscript of copy.querySelectorAll("noscript")) noscript.remove();
      return copy.textContent;
    };
    const server = new DOMParser().parseFromString(html, "text/html").querySelector("article.prose")!;
    return { live: textOf(article), server: textOf(server) };
  }, serverHtml);
  expect(texts.live).toBe(texts.server);
});

test("a client-side navigation to the lesson renders the same prose", async ({ page, basePath, lessonPath }) => {
  await page.goto(lessonPath);
  const loaded = await staticBlocks(page);
  await page.goto(`${basePath}/`);
  await page.locator(".lesson-card__link").first().click();
  await expect(page).toHaveURL(new RegExp(`${lessonPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Dockerizing Node.js" })).toBeVisible();
  const navigated = await staticBlocks(page);
  expect(navigated.blocks).toBe(loaded.blocks);
  expect(navigated.empty).toBe(0);
  expect(navigated.text).toBe(loaded.text);
});
