import { startServerProcess, terminate, type LiveServerProcess } from "../sandboxes/live/test-client";
import { hasDockerEngine } from "./docker-engine";
import { expect, test } from "./fixtures";

/**
 * The lab panel driven once in a browser against a live `npm run lab` on this machine's Docker
 * engine: the page opens with the runner's link (#lab=…), nothing is edited, the naive Dockerfile
 * is built and graded, and the checks stream in one by one. Needs an engine: under CI=true a missing
 * engine fails the run; elsewhere the test is skipped and counted loudly.
 */
const hasEngine = hasDockerEngine("lab panel's e2e test");

test.describe("the lab panel against a live runner (real Docker engine)", () => {
  test.skip(!hasEngine, "no Docker engine is reachable");
  let runner: LiveServerProcess | undefined;
  let runnerUrl = "";

  test.beforeAll(async () => {
    // `npm run lab -- --port 0`: a free port; the URL it prints carries the token.
    runner = await startServerProcess("sandboxes/lab/server.ts", ["--port", "0"]);
    runnerUrl = /listening on (http:\/\/\S+\?token=[A-Za-z0-9_-]+)/.exec(runner.output())![1]!;
  });

  test.afterAll(async () => {
    if (runner) await terminate(runner, 30_000);
  });

  test("opens with the runner's link, grades the naive Dockerfile unedited, and streams each check", async ({
    page,
    lessonPath,
  }) => {
    test.setTimeout(15 * 60_000); // the first run on a fresh machine builds the bases
    await page.goto(`${lessonPath}#lab=${encodeURIComponent(runnerUrl)}`);
    const panel = page.getByRole("region", { name: "Grade it on your own Docker engine" });
    // The link loads the panel at once, wherever the exercise is, and the token leaves the address bar.
    await expect(panel.getByRole("status")).toContainText("Connected to the runner at http://127.0.0.1:");
    await expect(panel.getByRole("status")).toContainText("Its Docker engine answers.");
    expect(new URL(page.url()).hash).toBe("");

    await panel.scrollIntoViewIfNeeded();
    await panel.getByRole("button", { name: "Build and grade my Dockerfile" }).click();
    const rows = panel.locator("tbody tr");
    await expect(rows).toHaveCount(6);
    const measured = rows.locator("td:first-of-type").filter({ hasText: /✓ pass|✗ fail/ });
    // The checks stream in while the run goes on: one is measured before the run has finished.
    await expect(measured.first()).toBeVisible({ timeout: 10 * 60_000 });
    expect(await panel.getByText(/checks pass \(graded in/).count()).toBe(0);

    await expect(panel.getByText(/of 6 checks pass \(graded in \d+ s\)\./)).toBeVisible({ timeout: 10 * 60_000 });
    await expect(measured).toHaveCount(6);
    // The naive image runs as root: that check fails, measured on this engine.
    await expect(rows.filter({ hasText: "The process does not run as root" })).toContainText("✗ fail");
  });
});
