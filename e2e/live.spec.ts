import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hasDockerEngine } from "./docker-engine";
import { expect, test } from "./fixtures";
import { startLiveServerProcess } from "../sandboxes/live/test-client";

/**
 * Live mode for real: `npm run demo:live` runs the compare step's two scenarios on this machine's
 * Docker engine while the presenter page watches. Needs an engine: under CI=true a missing engine
 * fails the run; elsewhere the test is skipped and counted as skipped by `npm test`.
 */
const hasEngine = hasDockerEngine("live-mode e2e test");

test.describe("live mode (real Docker engine)", () => {
  test.skip(!hasEngine, "no Docker engine is reachable");
  let server: ChildProcess | undefined;
  let base = "";
  const saveDir = mkdtempSync(path.join(os.tmpdir(), "course-live-e2e-"));

  test.beforeAll(async () => {
    ({ child: server, base } = await startLiveServerProcess(saveDir));
  });

  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  });

  test("runs naive vs optimized live from the presenter: a queue, markers as they happen, the exit recorded, saved", async ({
    page,
    presentPath,
  }) => {
    test.setTimeout(15 * 60_000); // the first run on a fresh machine builds the images
    await page.goto(`${presentPath}?live=${base}#3`);
    await expect(page.getByTestId("live-server-status")).toHaveAttribute("data-state", "ready");
    await expect(page.getByTestId("mode-badge")).toHaveText("Recorded");
    await page.keyboard.press("l");
    await expect(page.getByTestId("mode-badge")).toHaveText("● Live");
    await expect(page.getByTestId("live-terminal")).toHaveCount(2);

    // One run at a time: the optimized side waits in the queue while the naive one runs.
    await expect(page.getByTestId("live-run-status").nth(1)).toHaveAttribute("data-status", "queued");
    await expect(page.locator('[data-scenario="stop-optimized"]').getByTestId("live-status")).toContainText(
      "queued (next)",
    );

    // Markers arrive while the run is still going, not after it.
    const markers = page.getByTestId("live-markers").locator("li");
    await expect(markers.first()).toBeVisible({ timeout: 10 * 60_000 });
    expect(await page.locator("[data-live-step] [data-status=running]").count()).toBeGreaterThan(0);
    await expect(page.getByTestId("live-terminal").first()).toContainText("docker run -d --name course-stop-naive");

    // Finished: the same player replays what was just captured, opened at the end where the panel shows the exit.
    await expect(page.getByText("captured on this machine just now")).toBeVisible({ timeout: 10 * 60_000 });
    await expect(page.locator("section[data-step] [data-screen]")).toHaveCount(2);
    const optimizedPanel = page.getByRole("region", { name: /^State: docker stop on the optimized image/ });
    await expect(optimizedPanel.locator('[data-field="exitCode"] dd')).toHaveText("0");
    await expect(optimizedPanel.locator('[data-field="inflight"] dd')).toHaveText("completed");
    const markerList = page.getByTestId("live-markers");
    await expect(markerList).toContainText(
      "docker stop on the optimized image, with a request in flight: /healthz answers 503",
    );
    await expect(markerList).toContainText(
      "docker stop on the optimized image, with a request in flight: container exited with code 0",
    );
    await page.getByRole("button", { name: "Save stop-optimized as a recording" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toContainText(
      path.join(saveDir, "stop-optimized.cast"),
    );
  });
});
