/**
 * Prints the sandbox player's numbers, and asciinema-player's for the same recording in the same
 * browser run: first-load JS of the lesson (which embeds sandboxes) next to the course index (no
 * sandbox), the bytes the player fetches lazily, time to first frame after play, and seek latency.
 *   npm run bench:player            builds into .next-bench first
 *   npm run bench:player -- --reuse reuses an existing .next-bench build
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/browser";
import { parseManifest } from "@/lib/recordings/manifest-schema";
import { parseAsciicast } from "@/lib/asciicast/parse";
import { firstLoadJs, kib } from "./first-load-js";

const distDir = ".next-bench";
const port = Number(process.env.BENCH_PORT ?? 3300);
const base = `http://127.0.0.1:${port}`;
const lesson = "/learn/production-and-scaling/dockerizing-nodejs";
const trials = 5;
const seekTargets = ["9", "1", "5", "0", "8", "3", "7", "2", "6", "4"];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (values: number[]) =>
  `median ${median(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`;

/** The longest committed recording: the hardest case for seeking. */
function longestRecording() {
  const dir = path.join("sandboxes", "recordings");
  const manifest = parseManifest(JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")));
  const [longest] = Object.keys(manifest.scenarios)
    .map((name) => ({ name, duration: parseAsciicast(readFileSync(path.join(dir, `${name}.cast`), "utf8")).duration }))
    .sort((a, b) => b.duration - a.duration);
  if (!longest) throw new Error("no recordings in sandboxes/recordings");
  return longest;
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start did not answer on ${base} within 60 s`);
}

async function measureOurPlayer(page: Page, scenario: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}${lesson}`);
  await page.waitForLoadState("networkidle");
  const lazyBytes: { url: string; bytes: number }[] = [];
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes();
    lazyBytes.push({ url: request.url(), bytes: sizes.responseBodySize });
  });
  const figure = page.locator(`figure[data-sandbox="${scenario}"]`);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator(".xterm").first().waitFor();
  const play = figure.getByRole("button", { name: "Play" });
  await play.waitFor();
  await page.waitForLoadState("networkidle");

  const firstFrames: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    await figure.getByRole("button", { name: "Restart" }).click();
    await page.evaluate(() => performance.clearMeasures("sandbox:first-frame"));
    await figure.getByRole("button", { name: "Play" }).click();
    await page.waitForFunction(() => performance.getEntriesByName("sandbox:first-frame").length > 0, undefined, {
      timeout: 10_000,
    });
    firstFrames.push(await page.evaluate(() => performance.getEntriesByName("sandbox:first-frame")[0]!.duration));
    await figure.getByRole("button", { name: "Pause" }).click();
  }

  await page.evaluate(() => performance.clearMeasures("sandbox:seek"));
  await figure.getByTestId("sandbox-terminal").first().focus();
  for (const key of seekTargets) {
    const before = await page.evaluate(() => performance.getEntriesByName("sandbox:seek").length);
    await page.keyboard.press(key);
    await page.waitForFunction((count) => performance.getEntriesByName("sandbox:seek").length > count, before, {
      timeout: 10_000,
    });
  }
  const seeks = await page.evaluate(() => performance.getEntriesByName("sandbox:seek").map((entry) => entry.duration));
  const scripts = lazyBytes.filter((entry) => entry.url.endsWith(".js"));
  const casts = lazyBytes.filter((entry) => entry.url.includes("/recordings/"));
  return {
    firstFrames,
    seeks,
    lazyJsBytes: scripts.reduce((sum, entry) => sum + entry.bytes, 0),
    lazyJsFiles: scripts.length,
    castBytes: casts.reduce((sum, entry) => sum + entry.bytes, 0),
  };
}

/** The same recording in asciinema-player 3, served from the same origin, driven by its API. */
async function measureAsciinemaPlayer(page: Page, scenario: string, duration: number) {
  const bundle = path.join("node_modules", "asciinema-player", "dist", "bundle");
  await page.route(`${base}/__bench/**`, (route) => {
    const file = new URL(route.request().url()).pathname.replace("/__bench/", "");
    if (file === "index.html") {
      return route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><link rel="stylesheet" href="/__bench/asciinema-player.css"><div id="player"></div><script src="/__bench/asciinema-player.min.js"></script>`,
      });
    }
    return route.fulfill({ path: path.join(bundle, file) });
  });
  // tsx compiles the evaluated function with esbuild's keepNames, which calls a __name helper the page lacks.
  await page.addInitScript("window.__name = (fn) => fn;");
  await page.goto(`${base}/__bench/index.html`);
  const jsBytes = readFileSync(path.join(bundle, "asciinema-player.min.js"));

  const result = await page.evaluate(
    async ({ src, trials, seekFractions, duration }) => {
      type Player = {
        play(): Promise<void>;
        pause(): Promise<void>;
        seek(at: number): Promise<void>;
        getDuration(): Promise<number | undefined>;
      };
      const create = (
        window as unknown as { AsciinemaPlayer: { create(src: string, el: Element, opts: object): Player } }
      ).AsciinemaPlayer.create;
      const element = document.getElementById("player")!;
      const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      /** Resolves at the first paint after the terminal's DOM changes. */
      const nextChange = () =>
        new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => resolve());
          });
          observer.observe(element, { subtree: true, childList: true, characterData: true, attributes: true });
        });
      const firstFrames: number[] = [];
      for (let trial = 0; trial < trials; trial++) {
        element.replaceChildren();
        const player = create(src, element, { preload: true, fit: "width" });
        for (let wait = 0; wait < 200 && (await player.getDuration()) === undefined; wait++)
          await new Promise((resolve) => setTimeout(resolve, 25));
        await nextPaint();
        const changed = nextChange();
        const started = performance.now();
        await player.play();
        await changed;
        firstFrames.push(performance.now() - started);
        await player.pause();
      }
      const player = create(src, element, { preload: true, fit: "width" });
      for (let wait = 0; wait < 200 && (await player.getDuration()) === undefined; wait++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      const seeks: number[] = [];
      for (const fraction of seekFractions) {
        await nextPaint();
        const started = performance.now();
        await player.seek(fraction * duration);
        await nextPaint();
        seeks.push(performance.now() - started);
      }
      return { firstFrames, seeks };
    },
    {
      src: `/recordings/${scenario}.cast`,
      trials,
      seekFractions: seekTargets.map((key) => Number(key) / 10),
      duration,
    },
  );
  return { ...result, jsGzipBytes: gzipSync(jsBytes, { level: 9 }).length };
}

async function main() {
  if (!(process.argv.includes("--reuse") && existsSync(path.join(distDir, "BUILD_ID")))) {
    execFileSync("npx", ["next", "build"], {
      stdio: "ignore",
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  const withSandboxes = firstLoadJs(distDir, lesson);
  const withoutSandbox = firstLoadJs(distDir, "/");
  console.log(
    `first-load JS, lesson with 7 sandboxes: ${kib(withSandboxes.gzipBytes)} gzip (${withSandboxes.files} files)`,
  );
  console.log(
    `first-load JS, course index, no sandbox: ${kib(withoutSandbox.gzipBytes)} gzip (${withoutSandbox.files} files)`,
  );

  const { name, duration } = longestRecording();
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_DIST_DIR: distDir },
    stdio: "ignore",
    detached: true,
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await waitForServer();
    const ours = await measureOurPlayer(await browser.newPage(), name);
    const theirs = await measureAsciinemaPlayer(await browser.newPage(), name, duration);
    console.log(`recording: ${name}.cast, ${duration.toFixed(1)} s long`);
    console.log(
      `our player, lazy JS after the sandbox nears the viewport: ${kib(ours.lazyJsBytes)} transferred (gzip, ${ours.lazyJsFiles} files); recording ${kib(ours.castBytes)}`,
    );
    console.log(`our player, first frame after play: ${ms(ours.firstFrames)}`);
    console.log(`our player, seek (digit keys, ${seekTargets.length} jumps forward and back): ${ms(ours.seeks)}`);
    console.log(
      `asciinema-player ${JSON.parse(readFileSync("node_modules/asciinema-player/package.json", "utf8")).version}, JS bundle: ${kib(theirs.jsGzipBytes)} gzip`,
    );
    console.log(`asciinema-player, first frame after play: ${ms(theirs.firstFrames)}`);
    console.log(`asciinema-player, seek (same targets): ${ms(theirs.seeks)}`);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
