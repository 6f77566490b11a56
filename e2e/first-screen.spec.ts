import { readFileSync } from "node:fs";
import path from "node:path";
import { factValue } from "@/lib/recordings/facts";
import { parseManifest } from "@/lib/recordings/manifest-schema";
import { expect, test, type Locator, type Page } from "./fixtures";

const manifest = parseManifest(
  JSON.parse(readFileSync(path.join(process.cwd(), "sandboxes", "recordings", "manifest.json"), "utf8")),
);
const fact = (name: string) => factValue(manifest, name);

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1280, height: 800 },
];

/** Whether the element is entirely inside the first screen, without scrolling. */
async function aboveTheFold(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}

for (const viewport of VIEWPORTS) {
  test.describe(`the first screen on a ${viewport.name} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("shows the measured headline facts, with links to the moments that show them", async ({
      page,
      lessonPath,
    }) => {
      await page.goto("/");
      const proof = page.getByRole("list", { name: "What the recordings prove" });
      await expect(proof.locator('[data-proof="size"]')).toContainText(
        `${fact("naiveImageSize")} → ${fact("optimizedImageSize")}`,
      );
      await expect(proof.locator('[data-proof="stop"]')).toContainText(
        `${fact("naiveRequestFate")} vs ${fact("optimizedRequestFate")}`,
      );
      await expect(proof.locator('[data-proof="rolling"]')).toContainText(
        `${fact("rollingNaiveFailed")} vs ${fact("rollingOptimizedFailed")}`,
      );
      for (const item of await proof.getByRole("listitem").all())
        expect(await aboveTheFold(page, item), await item.innerText()).toBe(true);
      expect(await aboveTheFold(page, page.locator("[data-resume]"))).toBe(true);

      await proof.getByRole("link", { name: "Watch the naive stop" }).click();
      await expect(page).toHaveURL(new RegExp(`${lessonPath}#stop-naive@\\d`));
    });

    test("lets a returning reader continue where they left off", async ({ page, lessonPath }) => {
      await page.goto("/");
      await expect(page.locator("[data-resume]")).toHaveAttribute("data-resume", "start");
      await page.goto(lessonPath); // opening a lesson records it as read
      await expect(page.getByRole("button", { name: /mark .*complete/i })).toBeEnabled();
      await page.goto("/");
      const resume = page.locator('[data-resume="continue"]');
      await expect(resume).toContainText("Continue where you left off");
      expect(await aboveTheFold(page, resume)).toBe(true);
      await resume.getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`${lessonPath}$`));
    });
  });
}

test.describe("the header while reading on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("slides away on scroll down, leaving the content at least 90 % of the screen, and returns on scroll up", async ({
    page,
    lessonPath,
  }) => {
    await page.goto(lessonPath);
    const header = page.locator(".site-header");
    const coveredHeight = () => header.evaluate((element) => Math.max(0, element.getBoundingClientRect().bottom));
    // Reading: scrolling down a little at a time (and the header island may still be hydrating at first).
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 300);
        return coveredHeight();
      })
      .toBeLessThanOrEqual(844 * 0.1);
    await expect.poll(coveredHeight).toBe(0);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => header.evaluate((element) => element.getBoundingClientRect().top)).toBe(0);
    await expect(header.getByRole("link", { name: "Practice" })).toBeInViewport();
  });
});

test.describe("the header on a laptop", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("stays in place while reading", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    const header = page.locator(".site-header");
    // Scrolling down marks it, as on a phone; on a wide screen that does not move it.
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 300);
        return header.getAttribute("data-hidden");
      })
      .toBe("");
    expect(await header.evaluate((element) => getComputedStyle(element).transform)).toBe("none");
    await expect(header.getByRole("link", { name: "Practice" })).toBeInViewport();
  });
});
