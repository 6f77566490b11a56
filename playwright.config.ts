import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/browser";
import type { CourseFixtures } from "./e2e/fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);
/** The same course exported under a path, as a host serving it at https://example.org/course/ would. */
const BASE_PATH = "/course";
const basePathPort = Number(process.env.E2E_BASE_PATH_PORT ?? port + 50);
const BASE_PATH_SPEC = /base-path\.spec\.ts$/;

export default defineConfig<CourseFixtures>({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // CI's 2 cores run two browsers and the static server: measured there, a lesson took 0.8 s to serve and
  // 3.5 s to hydrate, so a deep link's player can need more than the default 5 s to open. Slower, never laxer.
  timeout: process.env.CI ? 60_000 : 30_000,
  expect: { timeout: process.env.CI ? 15_000 : 5_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: BASE_PATH_SPEC,
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions },
    },
    {
      name: "base-path",
      testMatch: BASE_PATH_SPEC,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions,
        baseURL: `http://127.0.0.1:${basePathPort}`,
        basePath: BASE_PATH,
      },
    },
  ],
  // Tests run against the static export, served by a plain static file server with the headers
  // the README asks of a host (CSP, cache policy), as learners get it from any host or CDN.
  // The base-path export is built first: each export starts from Next's out/.
  webServer: [
    {
      command: `node scripts/export.mjs --base-path ${BASE_PATH} && node scripts/export.mjs && node scripts/serve-static.mjs out --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 900_000,
      stdout: "pipe",
    },
    {
      command: `node scripts/serve-static.mjs out-base-path --port ${basePathPort}`,
      url: `http://127.0.0.1:${basePathPort}${BASE_PATH}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "pipe",
    },
  ],
});
