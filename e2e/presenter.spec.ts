import net from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Route } from "./fixtures";

/** Presenter mode against the production build, from the committed recordings (no Docker). */

const counter = (page: Page) => page.getByTestId("step-counter");
const stage = (page: Page) => page.locator("section[data-step]");
const playhead = async (page: Page) =>
  Number(await stage(page).getByTestId("sandbox-time").first().getAttribute("data-time"));

/** Waits until the presenter has hydrated (its first effect has saved the offline copy, or tried to), so keys reach it. */
const hydrated = (page: Page) =>
  expect(page.getByTestId("offline-status")).not.toHaveAttribute("data-state", "checking", { timeout: 20_000 });

async function present(page: Page, presentPath: string, suffix = "") {
  await page.goto(`${presentPath}${suffix}`);
  await hydrated(page);
}

/** Fetches `url` from a presenter page through its service worker: what it answered and how long it took. */
async function loadThroughWorker(page: Page, url: string) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async (url) => {
    const started = performance.now();
    const response = await fetch(url);
    return { status: response.status, text: await response.text(), seconds: (performance.now() - started) / 1000 };
  }, url);
}

const LIVE = "http://127.0.0.1:4100";
const CORS = { "access-control-allow-origin": "*" };

/** A live run's event stream as the live server sends it; `retry` is how long the browser waits before reconnecting. */
const eventStream = (retryMs: number, frames: Array<{ seq: number; event: object }>) => ({
  headers: { ...CORS, "content-type": "text/event-stream" },
  body: `retry: ${retryMs}\n\n${frames.map((frame) => `id: ${frame.seq}\ndata: ${JSON.stringify(frame)}\n\n`).join("")}`,
});
const started = { seq: 0, event: { type: "started", title: "a stand-in run", cols: 100, rows: 30, at: 0 } };

/**
 * Stands in for `npm run demo:live` at its default address (no Docker): an engine is ready, every
 * run is accepted, `events` answers each request for a run's event stream; returns the runs cancelled.
 */
async function standInLiveServer(page: Page, events: (route: Route) => Promise<void>): Promise<string[]> {
  const cancelled: string[] = [];
  await page.route(`${LIVE}/api/**`, (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (path === "/api/status") return route.fulfill({ headers: CORS, json: { engine: true } });
    if (path === "/api/runs" && request.method() === "POST")
      return route.fulfill({ headers: CORS, json: { id: "run-1" } });
    if (path.endsWith("/events")) return events(route);
    if (request.method() === "DELETE") cancelled.push(path);
    return route.fulfill({ headers: CORS, json: {} });
  });
  return cancelled;
}

/** A port nothing listens on: the presenter must treat it as "no live server". */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.describe("presenter mode", () => {
  test("the lesson links to it, and it steps through the lesson's sandboxes with a clicker's keys", async ({
    page,
    lessonPath,
    presentPath,
  }) => {
    await page.goto(lessonPath);
    await page.getByRole("link", { name: "Present this lesson" }).click();
    await expect(page).toHaveURL(new RegExp(`${presentPath}$`));
    await hydrated(page);
    await expect(counter(page)).toHaveText(/^Step 1 of (\d+)$/);
    const total = Number(/of (\d+)/.exec((await counter(page).textContent())!)![1]);
    expect(total).toBeGreaterThan(2);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("10.4 Dockerizing Node.js");

    await page.keyboard.press("PageDown");
    await expect(counter(page)).toHaveText(`Step 2 of ${total}`);
    await expect(stage(page)).toHaveAttribute("data-step", "secrets-and-user");
    await page.keyboard.press("ArrowRight");
    await expect(stage(page)).toHaveAttribute("data-step", "stop-naive-vs-stop-optimized");
    await expect(page).toHaveURL(/#3$/);
    // The compare step shows both recordings side by side, on one clock.
    await expect(stage(page).locator("[data-screen]")).toHaveCount(2);
    await page.keyboard.press("PageUp");
    await expect(counter(page)).toHaveText(`Step 2 of ${total}`);
    await page.keyboard.press("End");
    await expect(counter(page)).toHaveText(`Step ${total} of ${total}`);
    await page.keyboard.press("PageDown");
    await expect(counter(page)).toHaveText(`Step ${total} of ${total}`);
    await page.keyboard.press("Home");
    await expect(counter(page)).toHaveText(`Step 1 of ${total}`);

    // A reload (or a shared link) opens the same step.
    await present(page, presentPath, "#6");
    await expect(counter(page)).toHaveText(`Step 6 of ${total}`);
  });

  test("space plays and pauses, ] jumps marker to marker, and the state panel follows", async ({
    page,
    presentPath,
  }) => {
    await present(page, presentPath, "#3");
    await expect(stage(page).locator("[data-screen]")).toHaveCount(2);
    // A seek draws the screen first and the clock a frame later: each jump waits for the clock to move.
    const jump = async (key: "[" | "]") => {
      const before = await playhead(page);
      await page.keyboard.press(key);
      await expect.poll(() => playhead(page)).not.toBe(before);
      return playhead(page);
    };
    const firstMarker = await jump("]");
    expect(firstMarker).toBeGreaterThan(0);
    await jump("]");
    await jump("]");
    const fourthMarker = await jump("]");
    expect(fourthMarker).toBeGreaterThan(firstMarker);
    expect(await jump("[")).toBeLessThan(fourthMarker);
    await expect(
      stage(page)
        .getByRole("region", { name: /^State: docker stop on the naive image/ })
        .locator('[data-field="container"] dd'),
    ).not.toHaveText("—");

    const before = await playhead(page);
    await page.keyboard.press(" ");
    await expect.poll(() => playhead(page), { timeout: 5_000 }).toBeGreaterThan(before + 0.5);
    await page.keyboard.press(" ");
    await expect(stage(page).getByRole("button", { name: "Play" })).toBeVisible();
    const paused = await playhead(page);
    await page.waitForTimeout(400);
    expect(await playhead(page)).toBe(paused);
  });

  test("speaker notes show in a panel (S) and in a second window that follows and drives the presenter", async ({
    page,
    context,
    presentPath,
  }) => {
    await present(page, presentPath, "#3");
    await expect(page.getByTestId("speaker-notes")).toHaveCount(0);
    await page.keyboard.press("s");
    await expect(page.getByTestId("speaker-notes")).toContainText("Ask the room to predict both exit codes");
    await page.keyboard.press("s");
    await expect(page.getByTestId("speaker-notes")).toHaveCount(0);

    const notes = await context.newPage();
    await notes.goto(`${presentPath}/notes`);
    await expect(notes.getByTestId("notes-step")).toHaveText(/^Step 3 of/);
    await expect(notes.getByTestId("notes-window")).toContainText("Ask the room to predict both exit codes");
    // The recording's markers with their times, for the speaker.
    await expect(notes.getByTestId("notes-window")).toContainText("docker stop: SIGTERM sent");

    await page.bringToFront();
    await page.keyboard.press("PageDown");
    await expect(notes.getByTestId("notes-step")).toHaveText(/^Step 4 of/);
    await notes.getByRole("button", { name: "Next step ▶" }).click();
    await expect(counter(page)).toHaveText(/^Step 5 of/);
    await expect(stage(page)).toHaveAttribute("data-step", "zombies");
  });

  test("works offline once loaded: a reload with no network still presents and plays", async ({
    page,
    context,
    presentPath,
  }) => {
    await present(page, presentPath, "#2");
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    await context.setOffline(true);
    // Proof the network is really gone: something never cached cannot be fetched.
    expect(
      await page.evaluate(() =>
        fetch(`/recordings/not-cached-${Date.now()}.cast`).then(
          () => "online",
          () => "offline",
        ),
      ),
    ).toBe("offline");
    await page.reload();
    await expect(counter(page)).toHaveText(/^Step 2 of/);
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready");
    await page.keyboard.press("PageDown");
    await expect(stage(page).locator("[data-screen]")).toHaveCount(2);
    await page.keyboard.press(" ");
    await expect.poll(() => playhead(page), { timeout: 5_000 }).toBeGreaterThan(0.5);
    await page.goto(`${presentPath}/notes#3`);
    await expect(page.getByTestId("notes-window")).toContainText("Ask the room to predict both exit codes");
    await context.setOffline(false);
  });

  test("the offline copy wins over an error answer: a recording answered 503 after it was cached plays from the cache", async ({
    page,
    context,
    presentPath,
  }) => {
    await present(page, presentPath, "#3");
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    const cast = "/recordings/stop-naive.cast";
    const good = await loadThroughWorker(page, cast);
    expect(good.status).toBe(200);
    await context.route(`**${cast}`, (route) => route.fulfill({ status: 503, body: "Service Unavailable" }));
    expect(await loadThroughWorker(page, cast)).toMatchObject({ status: 200, text: good.text });
  });

  test("a hung network is not waited out: the cached copy answers within a few seconds", async ({
    page,
    context,
    presentPath,
  }) => {
    await present(page, presentPath, "#3");
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    const cast = "/recordings/stop-naive.cast";
    const good = await loadThroughWorker(page, cast);
    // A projector room's network: the request hangs for 12 s.
    await context.route(`**${cast}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      await route.continue().catch(() => {});
    });
    const slow = await loadThroughWorker(page, cast);
    expect(slow).toMatchObject({ status: 200, text: good.text });
    expect(slow.seconds).toBeLessThan(6);
  });

  test("keeps one cache, for this build: an older build's is deleted, and only pages, Next's static files, recordings and their screens are kept", async ({
    page,
    lessonPath,
    presentPath,
  }) => {
    await page.goto(lessonPath);
    await page.evaluate(async () => {
      for (const name of ["course-presenter-v1", "course-presenter-0123456789ab"])
        await (await caches.open(name)).put("/recordings/old.cast", new Response("old"));
    });
    await present(page, presentPath, "#2");
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    // Something a reload does not need, through the worker.
    await loadThroughWorker(page, "/icon.svg");
    await expect.poll(() => page.evaluate(() => caches.keys())).toHaveLength(1);
    const [current] = await page.evaluate(() => caches.keys());
    expect(current).toMatch(/^course-presenter-/);
    expect(["course-presenter-v1", "course-presenter-0123456789ab"]).not.toContain(current);
    const paths = await page.evaluate(
      async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname),
      current!,
    );
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((path) => !/^\/(present|_next\/static|recordings|screens)\//.test(path))).toEqual([]);
    expect(paths, "the screens a replay draws, for a reload without a network").toContain("/screens/stop-naive.json");
  });

  test("looks for a live server only when asked: a load with none running logs no error", async ({
    page,
    presentPath,
  }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await present(page, presentPath, "#3");
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    expect(errors).toEqual([]);
    await expect(page.getByTestId("live-server-status")).toHaveAttribute("data-state", "idle");
  });

  test("with no live server, L falls back to the recording with a notice", async ({ page, presentPath }) => {
    const port = await closedPort();
    await present(page, presentPath, `?live=http://127.0.0.1:${port}#3`);
    await expect(page.getByTestId("live-server-status")).toHaveAttribute("data-state", "unavailable");
    await page.keyboard.press("l");
    await expect(page.getByTestId("presenter-notice")).toContainText(
      `Live mode is not available: no live server answers at http://127.0.0.1:${port}`,
    );
    await expect(page.getByTestId("mode-badge")).toHaveText("Recorded");
    await expect(stage(page).locator("[data-screen]")).toHaveCount(2);
  });

  test("has no accessibility violations on a sandbox step with notes open", async ({ page, presentPath }) => {
    await present(page, presentPath, "#3");
    await expect(stage(page).locator("[data-screen]")).toHaveCount(2);
    await page.keyboard.press("s");
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`,
      ),
    ).toEqual([]);
  });
});

test.describe("presenter mode with a damaged recording", () => {
  // page.route cannot see requests a service worker answers; this test needs to see them.
  test.use({ serviceWorkers: "block" });

  test("shows the error in the step and keeps presenting", async ({ page, presentPath }) => {
    await page.route("**/recordings/zombies.cast", (route) =>
      route.fulfill({ status: 200, body: '{"version": 2, "width": 100, "height": 30}\n[0.1, "o", "cut of' }),
    );
    await present(page, presentPath, "#5");
    await expect(stage(page)).toHaveAttribute("data-step", "zombies");
    await expect(stage(page).getByRole("alert")).toContainText("zombies.cast is damaged: line 2: the line is cut off");
    await page.keyboard.press("PageDown");
    await expect(stage(page)).toHaveAttribute("data-step", "health-flip");
    await expect(stage(page).locator("[data-screen]")).toHaveCount(1);
  });
});

test.describe("presenter mode with a live server (a stand-in, no Docker)", () => {
  // page.route cannot see requests a service worker handles; these tests need to see the live server's.
  test.use({ serviceWorkers: "block" });

  test("stepping past the last step (keys or the notes window) keeps its live run going", async ({
    page,
    context,
    presentPath,
  }) => {
    const cancelled = await standInLiveServer(page, (route) => route.fulfill(eventStream(600_000, [started])));
    await present(page, presentPath);
    await page.keyboard.press("End");
    const last = (await counter(page).textContent())!;
    await page.keyboard.press("l");
    await expect(page.getByTestId("live-server-status")).toHaveAttribute("data-state", "ready");
    await expect(page.getByTestId("mode-badge")).toHaveText("● Live");
    await expect(page.getByTestId("live-run-status")).toHaveAttribute("data-status", "running");

    const notes = await context.newPage();
    await notes.goto(`${presentPath}/notes`);
    await expect(notes.getByTestId("notes-step")).toHaveText(last);
    await notes.keyboard.press("ArrowRight");
    await page.bringToFront();
    for (const key of ["PageDown", "ArrowRight", "End"]) await page.keyboard.press(key);
    // Nothing is meant to happen, so there is nothing to wait for: give the keys and the notes window's message time to act.
    await page.waitForTimeout(500);
    await expect(counter(page)).toHaveText(last);
    await expect(page.getByTestId("mode-badge")).toHaveText("● Live");
    await expect(page.getByTestId("live-run-status")).toHaveAttribute("data-status", "running");
    expect(cancelled).toEqual([]);
  });

  test("a live run whose server restarted (the reconnect is answered 404) says the server was lost", async ({
    page,
    presentPath,
  }) => {
    let connections = 0;
    await standInLiveServer(page, (route) =>
      ++connections === 1
        ? route.fulfill(eventStream(100, [started]))
        : route.fulfill({ status: 404, headers: CORS, json: { error: "no run run-1" } }),
    );
    await present(page, presentPath);
    await page.keyboard.press("End");
    await page.keyboard.press("l");
    await expect(page.getByTestId("mode-badge")).toHaveText("● Live");
    await expect(page.getByTestId("live-run-status")).toHaveAttribute("data-status", "failed");
    await expect(page.getByTestId("live-status")).toHaveText(`failed: lost the live server at ${LIVE}`);
    expect(connections).toBe(2);
  });
});
