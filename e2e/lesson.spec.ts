import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { parseAsciicast } from "../lib/asciicast/parse";

/**
 * Lesson 10.4 against the production build: every section is there, every sandbox loads its real
 * recording, every evidence link opens the right sandbox at the right moment, and the size chart
 * shows exactly the manifest's numbers.
 */

const manifest = JSON.parse(readFileSync(path.resolve("sandboxes/recordings/manifest.json"), "utf8")) as {
  scenarios: {
    sizes: { facts: { images: { name: string; uncompressedBytes: number }[]; floor: { totalBytes: number } } };
  };
};

const SECTIONS = [
  "The shipping container analogy",
  "The naive Dockerfile",
  "The optimized multi-stage Dockerfile",
  "Stage by stage",
  "The distroless variant",
  ".dockerignore",
  "Signals and PID 1",
  "What docker stop does to each image",
  "Every PID 1, with and without a handler",
  "Zombies",
  "Graceful shutdown in Node",
  "docker compose for local development",
  "Image size",
  "Build cache",
  "Common mistakes",
  "What we measured",
  "Interview questions",
  "Cheat sheet",
  "Right way, wrong way",
];

test.describe("lesson 10.4", () => {
  test("renders every section, in order, and lists each in the table of contents", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    const headings = await page.locator("article h2, article h3").allTextContents();
    const titles = headings.map((text) => text.replace(/#$/, "").trim());
    expect(titles.filter((title) => SECTIONS.includes(title))).toEqual(SECTIONS);
    const toc = page.getByRole("navigation", { name: "On this page" });
    for (const section of SECTIONS) await expect(toc.getByRole("link", { name: section, exact: true })).toHaveCount(1);
  });

  test("shows the lesson's Markdown tables as tables, never as rows of pipes", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    const cheatSheet = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Concern" }) });
    await expect(cheatSheet.getByRole("columnheader")).toHaveText(["Concern", "Wrong way", "Right way"]);
    await expect(cheatSheet.getByRole("row").filter({ hasText: "PID 1" }).getByRole("cell")).toHaveText([
      "PID 1",
      "npm start or a shell",
      "tini -- node dist/server.js",
    ]);
    const kubernetes = page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: "In Kubernetes" }) });
    await expect(kubernetes.getByRole("columnheader")).toHaveText([
      "In this recording",
      "In Kubernetes",
      "How we know",
    ]);
    // Its facts come from the manifest inside the cells.
    await expect(kubernetes.getByRole("row").nth(2)).toContainText(/marked DOWN after \d+ failed checks/);
    // A table Markdown could not parse would print its delimiter row as text.
    await expect(page.locator("article")).not.toContainText("| --- |");
  });

  test("shows the real Dockerfiles the recorder builds, with numbered callouts", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    for (const file of ["sandboxes/images/naive/Dockerfile", "sandboxes/images/optimized/Dockerfile"]) {
      const block = page.locator("figure.code-block").filter({ hasText: file });
      const onDisk = readFileSync(path.resolve(file), "utf8").trim().split("\n");
      const shown = await block.locator("pre").evaluate((pre) => {
        const clone = pre.cloneNode(true) as HTMLElement;
        clone.querySelectorAll(".callout-marker").forEach((marker) => marker.remove());
        return clone.textContent!.replace(/\n$/, "").split("\n");
      });
      expect(shown.map((line) => line.trimEnd())).toEqual(onDisk.map((line) => line.trimEnd()));
      expect(await block.locator(".callout-marker").count()).toBeGreaterThanOrEqual(7);
    }
  });

  test("every sandbox loads its recording", async ({ page, lessonPath }) => {
    test.setTimeout(120_000);
    await page.goto(lessonPath);
    const figures = page.locator("figure[data-sandbox]");
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(7);
    for (let index = 0; index < count; index++) {
      const figure = figures.nth(index);
      const names = ((await figure.getAttribute("data-sandbox")) ?? "").split(" ");
      await figure.scrollIntoViewIfNeeded();
      await expect(figure.locator("[data-screen]"), `terminal(s) for ${names.join(" + ")}`).toHaveCount(names.length, {
        timeout: 15_000,
      });
      await expect(figure.getByRole("alert")).toHaveCount(0);
    }
  });

  test("every evidence link opens its sandbox at the moment it cites", async ({ page, lessonPath }) => {
    test.setTimeout(180_000);
    await page.goto(lessonPath);
    const links = page.locator("a.evidence");
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(15);
    for (let index = 0; index < count; index++) {
      const link = links.nth(index);
      const scenario = (await link.getAttribute("data-evidence-scenario"))!;
      const time = Number(await link.getAttribute("data-evidence-time"));
      // A marker on the recording's last frame links a little past the end; the player stops at the end, where the panel shows it.
      const duration = parseAsciicast(
        readFileSync(path.resolve(`sandboxes/recordings/${scenario}.cast`), "utf8"),
      ).duration;
      await link.click();
      await expect(page).toHaveURL(new RegExp(`#${scenario}@${time}$`));
      const figure = page.locator(`figure[data-sandbox~="${scenario}"]`).first();
      await expect(figure).toBeInViewport();
      await expect
        .poll(async () => Number(await figure.getByTestId("sandbox-time").getAttribute("data-time")), {
          message: `${scenario}@${time}`,
          timeout: 15_000,
        })
        .toBeCloseTo(Math.min(time, duration), 1);
    }
  });

  test("the size chart shows exactly the manifest's numbers", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    const rows = page.locator('[data-figure="size-ladder"] tbody tr');
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("th")?.textContent, Number(tr.getAttribute("data-bytes"))]),
    );
    const { images, floor } = manifest.scenarios.sizes.facts;
    expect(shown).toEqual([
      ...images.map((image) => [image.name, image.uncompressedBytes]),
      ["the floor", floor.totalBytes],
    ]);
    for (const image of images) {
      await expect(rows.filter({ hasText: image.name }).locator("td").first()).toHaveText(
        `${(image.uncompressedBytes / 1e6).toFixed(0)} MB`,
      );
    }
  });

  test("the container analogy's labels stay inside their drawings, clear of each other and at 12 px or more", async ({
    page,
    lessonPath,
  }) => {
    for (const width of [390, 1350]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(lessonPath);
      const drawings = page.locator("svg:has(> title[id^=container-analogy-])");
      await expect(drawings).toHaveCount(2);
      for (const drawing of await drawings.all()) {
        const { outside, overlaps, small } = await drawing.evaluate((svg) => {
          const box = svg.getBoundingClientRect();
          const scale = (svg as SVGSVGElement).getScreenCTM()!.a;
          const texts = [...svg.querySelectorAll("text")].map((text) => ({
            label: text.textContent!.trim(),
            rect: text.getBoundingClientRect(),
            px: parseFloat(getComputedStyle(text).fontSize) * scale,
          }));
          const overlap = (a: DOMRect, b: DOMRect) =>
            a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          return {
            outside: texts
              .filter(({ rect }) => rect.left < box.left || rect.right > box.right || rect.bottom > box.bottom)
              .map(({ label }) => label),
            overlaps: texts.flatMap((a, i) =>
              texts
                .slice(i + 1)
                .filter((b) => overlap(a.rect, b.rect))
                .map((b) => `${a.label} / ${b.label}`),
            ),
            small: texts.filter(({ px }) => px < 12).map(({ label, px }) => `${label}: ${px.toFixed(1)} px`),
          };
        });
        expect(outside, `labels cut off at ${width} px`).toEqual([]);
        expect(overlaps, `labels over each other at ${width} px`).toEqual([]);
        expect(small, `labels under 12 px on screen at ${width} px`).toEqual([]);
      }
    }
  });

  test("each evidence link shows the moment it cites and tells a screen reader where it leads", async ({
    page,
    lessonPath,
  }) => {
    await page.goto(lessonPath);
    const link = page.locator('a.evidence[data-evidence-scenario="stop-naive"]').first();
    const moment = (await link.getAttribute("data-moment"))!;
    expect(moment).not.toBe("");
    // The badge is drawn after the claim, from the recording's own label for the moment.
    expect(await link.evaluate((anchor) => getComputedStyle(anchor, "::after").content)).toContain(moment);
    await expect(page.getByRole("link", { name: "(watch it in the stop-naive recording)" }).first()).toBeVisible();
  });

  test("prints without controls and keeps the transcripts", async ({ page, lessonPath }) => {
    await page.goto(lessonPath);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator(".code-block__copy").first()).toBeHidden();
    const transcript = page.locator("figure[data-sandbox] details").first();
    await expect(transcript).not.toHaveAttribute("open");
    // Closed on screen, yet its text prints.
    await expect(transcript.locator(":scope > :not(summary)").first()).toBeVisible();
    await expect(page.locator("figure[data-sandbox] button").first()).toBeHidden();
  });

  test("a keyboard user sees the whole focus ring of a link at a paragraph's left edge", async ({
    page,
    lessonPath,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(lessonPath);
    // An evidence link that wraps: its second line starts at its paragraph's left edge, where the ring (3 px, 2 px
    // out) is drawn past the paragraph's box, which contains what it paints.
    const index = await page.evaluate(() =>
      [...document.querySelectorAll(".prose > p > a.evidence")].findIndex((link) => {
        const lines = link.getClientRects();
        return lines.length > 1 && Math.abs(lines[1]!.left - link.parentElement!.getBoundingClientRect().left) < 1;
      }),
    );
    expect(index, "some evidence link wraps to its paragraph's edge").toBeGreaterThanOrEqual(0);
    const link = page.locator(".prose > p > a.evidence").nth(index);
    await link.scrollIntoViewIfNeeded();
    const strip = await link.evaluate((element) => {
      const line = element.getClientRects()[1]!;
      return { x: line.left - 4, y: line.top + line.height / 2 - 2, width: 3, height: 4 };
    });
    const blurred = await page.screenshot({ clip: strip });
    await link.focus();
    await expect(link).toBeFocused();
    const focused = await page.screenshot({ clip: strip });
    expect(focused.equals(blurred), "the ring is drawn left of the paragraph").toBe(false);
  });

  test("a keyboard user sees the focus ring of a code block that scrolls sideways", async ({ page, lessonPath }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(lessonPath);
    const index = await page.evaluate(() =>
      [...document.querySelectorAll("figure.code-block pre")].findIndex((pre) => pre.scrollWidth > pre.clientWidth),
    );
    expect(index, "some code block is wider than a phone").toBeGreaterThanOrEqual(0);
    const block = page.locator("figure.code-block").nth(index);
    const pre = block.locator("pre");
    await block.getByRole("button", { name: "Copy" }).focus();
    await pre.scrollIntoViewIfNeeded();
    // The code block's left and bottom edges: the block clips what is drawn past them.
    const edges = await pre.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return [
        { x: box.left, y: box.top + box.height / 2 - 4, width: 4, height: 8 },
        { x: box.left + box.width / 2 - 4, y: box.bottom - 4, width: 8, height: 4 },
      ];
    });
    const blurred = await Promise.all(edges.map((clip) => page.screenshot({ clip })));
    await page.keyboard.press("Tab");
    await expect(pre).toBeFocused();
    const focused = await Promise.all(edges.map((clip) => page.screenshot({ clip })));
    expect(focused[0]!.equals(blurred[0]!), "the ring shows at the block's left edge").toBe(false);
    expect(focused[1]!.equals(blurred[1]!), "the ring shows at the block's bottom edge").toBe(false);
  });
});
