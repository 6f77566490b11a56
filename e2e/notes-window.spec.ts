import { expect, test } from "./fixtures";

/** The speaker's second window, at the size the presenter opens it (900×700). */

test.use({ viewport: { width: 900, height: 700 } });

test("the notes window has no site navigation, its step buttons at the top and one readable marker list", async ({
  page,
  presentPath,
}) => {
  await page.goto(`${presentPath}/notes#3`);
  const notes = page.getByTestId("notes-window");
  await expect(notes).toContainText("Ask the room to predict both exit codes");

  // Nothing a click could navigate the speaker away with: no site header, no link off the page.
  await expect(page.getByRole("navigation", { name: "Site" })).toBeHidden();
  await expect(page.locator("a[href]:not([href^='#'])").filter({ visible: true })).toHaveCount(0);

  // Previous / Next are the first thing in the window, without scrolling.
  for (const name of ["◀ Previous step", "Next step ▶"]) {
    const box = (await page.getByRole("button", { name }).boundingBox())!;
    expect(box.y + box.height, `${name} is at the top`).toBeLessThan(120);
  }

  // One list: every marker starts at the same left edge (no second column), its time clear of its text.
  const rows = notes.getByRole("list").last().getByRole("listitem");
  const count = await rows.count();
  expect(count).toBeGreaterThan(10);
  const layout = await rows.evaluateAll((items) =>
    items.map((item) => {
      const [time, ...rest] = [...item.children].map((child) => child.getBoundingClientRect());
      return {
        left: item.getBoundingClientRect().left,
        timeRight: time!.right,
        textLeft: rest[0]!.left,
        text: item.textContent ?? "",
      };
    }),
  );
  expect(new Set(layout.map((row) => Math.round(row.left))).size, "markers in one column").toBe(1);
  for (const row of layout)
    expect(row.textLeft - row.timeRight, `gap after the time in "${row.text}"`).toBeGreaterThan(4);

  // The compare step names each recording once, not in every entry.
  const text = (await notes.textContent()) ?? "";
  for (const title of ["docker stop on the naive image", "docker stop on the optimized image"]) {
    const times = text.split(title).length - 1;
    expect(times, `"${title}" appears once`).toBeLessThanOrEqual(1);
  }
  expect(layout.some((row) => row.text.includes("Left")) && layout.some((row) => row.text.includes("Right"))).toBe(
    true,
  );
});
