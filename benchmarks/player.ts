/**
 * Prints the sandbox player's numbers, and asciinema-player's for the same recording in the same
 * browser run: first-load JS of the lesson (which embeds sandboxes) next to the course index (no
 * sandbox), the bytes the player fetches lazily, time to first frame after play, and seek latency;
 * then the same seeks on a long synthetic cast (generated here, never shown in a lesson) to show a
 * seek's cost does not grow with the recording's length. PASS/FAIL lines for issue 17's targets:
 * our seek median ≤ 0.5 × asciinema-player's, our first frame ≤ asciinema-player's, and our seek
 * median on the long cast ≤ 2 × on the real one.
 *   npm run bench:player            builds into .next-bench first
 *   npm run bench:player -- --reuse reuses an existing .next-bench build
 *
 * Both players are timed by the same probe (installScreenProbe), from the command (play, or a seek:
 * a digit key on our terminal, `seek()` on asciinema-player's API) until the browser has painted the
 * first frame whose terminal text differs from before: for play, the first output; for a seek, the new
 * screen. Our player draws a seek's screen first and its clock and state panel a frame later, so the
 * time until the clock shows the new time is printed too (no budget: asciinema-player has no panel). Each player's terminal text is where it draws it (our screen's rows, asciinema-player's
 * `.ap-term-text`), whether it changes it in a task or in an animation frame.
 *
 * The browser runs without vsync's frame cap (--disable-gpu-vsync --disable-frame-rate-limit), for
 * both players alike: with it, every measure rounds up to the next 16.7 ms frame and shows the
 * display's refresh rate rather than either player's work.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/browser";
import { parseManifest } from "@/lib/recordings/manifest-schema";
import { screensOf } from "@/lib/asciicast/screens.server";
import { parseAsciicast } from "@/lib/asciicast/parse";
import { finishedBuild, firstLoadJs, kib } from "./first-load-js";
import { buildInto } from "./next-build";

const distDir = ".next-bench";
const port = Number(process.env.BENCH_PORT ?? 3300);
const base = `http://127.0.0.1:${port}`;
const lesson = "/learn/production-and-scaling/dockerizing-nodejs";
const trials = 5;
const seekJumps = ["9", "1", "5", "0", "8", "3", "7", "2", "6", "4"];
/**
 * A seek is shown by the next frame, so each one also waits for wherever the frame clock stands (0 to 16.7 ms), for
 * either player: three passes over the ten jumps make 30 seeks each, so the medians compared are steadier than ten.
 */
const seekTargets = [...seekJumps, ...seekJumps, ...seekJumps];

/** Output events in the synthetic cast: far more than any recording the course ships. */
const LONG_CAST_EVENTS = 20_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (values: number[]) =>
  `median ${median(values).toFixed(1)} ms, min ${Math.min(...values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`;

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

/**
 * A long cast with the real recording's size and duration, made of coloured log lines: seeking in it
 * must cost about what seeking in the real one does. Returned with its screens, computed as the
 * site's build computes them.
 */
async function longSyntheticCast(realCast: string) {
  const real = parseAsciicast(realCast);
  const lines = [JSON.stringify({ version: 2, width: real.cols, height: real.rows, title: "synthetic long cast" })];
  for (let i = 0; i < LONG_CAST_EVENTS; i++) {
    const time = ((i + 1) / LONG_CAST_EVENTS) * real.duration;
    const data = `\u001b[2m${time.toFixed(3)}\u001b[0m \u001b[32mGET\u001b[0m /orders/${i} \u001b[1m200\u001b[0m in ${i % 97} ms\r\n`;
    lines.push(JSON.stringify([Number(time.toFixed(6)), "o", data]));
  }
  const cast = `${lines.join("\n")}\n`;
  const screens = await screensOf(parseAsciicast(cast));
  return { cast, screens: JSON.stringify(screens) };
}

declare global {
  interface Window {
    /** Resolves with the time the first frame in which `element`'s text differs from now has been painted. */
    __screenPainted(element: Element): Promise<number>;
  }
}

/**
 * Installed before either player's page loads. A message posted during an animation frame's callbacks is handled
 * after that frame's style, layout and paint; one posted from an ordinary task may be handled before the next frame.
 * So a text change made inside a frame (asciinema-player may draw in requestAnimationFrame) is painted by that frame, and one made
 * in a task (a seek that renders at once) by the next: the probe tells them apart by marking frames as they run.
 */
function installScreenProbe() {
  const requestFrame = window.requestAnimationFrame.bind(window);
  let inFrame = false;
  const afterPaint = (then: () => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  };
  window.requestAnimationFrame = (callback) =>
    requestFrame((timestamp) => {
      if (!inFrame) {
        inFrame = true;
        afterPaint(() => (inFrame = false));
      }
      callback(timestamp);
    });
  window.__screenPainted = (element) =>
    new Promise((resolve, reject) => {
      const before = element.textContent;
      const timeout = setTimeout(() => {
        observer.disconnect();
        reject(new Error("the terminal's text did not change within 10 s"));
      }, 10_000);
      const painted = () => {
        clearTimeout(timeout);
        resolve(performance.now());
      };
      const observer = new MutationObserver(() => {
        if (element.textContent === before) return;
        observer.disconnect();
        if (inFrame) afterPaint(painted);
        else window.requestAnimationFrame(() => afterPaint(painted));
      });
      observer.observe(element, { subtree: true, childList: true, characterData: true });
    });
}

async function preparePage(page: Page) {
  // tsx compiles evaluated functions with esbuild's keepNames, which calls a __name helper the page lacks.
  await page.addInitScript("window.__name = (fn) => fn;");
  await page.addInitScript(installScreenProbe);
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

async function measureOurPlayer(page: Page, scenario: string, replacement?: { cast: string; screens: string }) {
  if (replacement) {
    await page.route(`**/recordings/${scenario}.cast`, (route) => route.fulfill({ body: replacement.cast }));
    await page.route(`**/screens/${scenario}.json`, (route) =>
      route.fulfill({ body: replacement.screens, contentType: "application/json" }),
    );
  }
  await preparePage(page);
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
  await figure.locator("[data-screen]").first().waitFor();
  const play = figure.getByRole("button", { name: "Play" });
  await play.waitFor();
  await page.waitForLoadState("networkidle");

  const screen = await figure.locator("[data-screen]").first().elementHandle();
  const terminal = await figure.getByTestId("sandbox-terminal").first().elementHandle();
  const firstFrames: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    await figure.getByRole("button", { name: "Restart" }).click();
    const playButton = await figure.getByRole("button", { name: "Play" }).elementHandle();
    firstFrames.push(
      await page.evaluate(
        async ([screen, playButton]) => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const painted = window.__screenPainted(screen!);
          const started = performance.now();
          (playButton as HTMLButtonElement).click();
          return (await painted) - started;
        },
        [screen, playButton] as const,
      ),
    );
    await figure.getByRole("button", { name: "Pause" }).click();
  }

  const clock = await figure.getByTestId("sandbox-time").first().elementHandle();
  const seeks: number[] = [];
  const clockSeeks: number[] = [];
  for (const key of seekTargets) {
    const [screenMs, clockMs] = await page.evaluate(
      async ([screen, clock, terminal, key]) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const painted = window.__screenPainted(screen!);
        const clockPainted = window.__screenPainted(clock!);
        const started = performance.now();
        terminal!.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
        return [(await painted) - started, (await clockPainted) - started];
      },
      [screen, clock, terminal, key] as const,
    );
    seeks.push(screenMs);
    clockSeeks.push(clockMs);
  }
  const scripts = lazyBytes.filter((entry) => entry.url.endsWith(".js"));
  const casts = lazyBytes.filter((entry) => entry.url.includes("/recordings/"));
  return {
    firstFrames,
    seeks,
    clockSeeks,
    lazyJsBytes: scripts.reduce((sum, entry) => sum + entry.bytes, 0),
    lazyJsFiles: scripts.length,
    castBytes: casts.reduce((sum, entry) => sum + entry.bytes, 0),
  };
}

/** The same recording in asciinema-player 3, served from the same origin, driven by its API. */
async function measureAsciinemaPlayer(page: Page, scenario: string, duration: number, replacementCast?: string) {
  const bundle = path.join("node_modules", "asciinema-player", "dist", "bundle");
  await page.route(`${base}/__bench/**`, (route) => {
    const file = new URL(route.request().url()).pathname.replace("/__bench/", "");
    if (file === "index.html") {
      return route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><link rel="stylesheet" href="/__bench/asciinema-player.css"><div id="player"></div><script src="/__bench/asciinema-player.min.js"></script>`,
      });
    }
    if (file === "replacement.cast") return route.fulfill({ body: replacementCast ?? "" });
    return route.fulfill({ path: path.join(bundle, file) });
  });
  await preparePage(page);
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
      const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
      const load = async () => {
        element.replaceChildren();
        const player = create(src, element, { preload: true, fit: "width" });
        for (let wait = 0; wait < 200 && (await player.getDuration()) === undefined; wait++)
          await new Promise((resolve) => setTimeout(resolve, 25));
        const screen = element.querySelector(".ap-term-text");
        if (!screen) throw new Error("asciinema-player drew no .ap-term-text: the probe has nothing to watch");
        return { player, screen };
      };
      const firstFrames: number[] = [];
      for (let trial = 0; trial < trials; trial++) {
        const { player, screen } = await load();
        await settle();
        const painted = window.__screenPainted(screen);
        const started = performance.now();
        await player.play();
        firstFrames.push((await painted) - started);
        await player.pause();
      }
      const { player, screen } = await load();
      const seeks: number[] = [];
      for (const fraction of seekFractions) {
        await settle();
        const painted = window.__screenPainted(screen);
        const started = performance.now();
        await player.seek(fraction * duration);
        seeks.push((await painted) - started);
      }
      return { firstFrames, seeks };
    },
    {
      src: replacementCast ? "/__bench/replacement.cast" : `/recordings/${scenario}.cast`,
      trials,
      seekFractions: seekTargets.map((key) => Number(key) / 10),
      duration,
    },
  );
  return { ...result, jsGzipBytes: gzipSync(jsBytes, { level: 9 }).length };
}

async function main() {
  if (!(process.argv.includes("--reuse") && finishedBuild(distDir))) {
    buildInto(distDir);
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
  const long = await longSyntheticCast(readFileSync(path.join("sandboxes", "recordings", `${name}.cast`), "utf8"));
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...(chromiumLaunchOptions.args ?? []), "--disable-gpu-vsync", "--disable-frame-rate-limit"],
  });
  try {
    await waitForServer();
    const ours = await measureOurPlayer(await browser.newPage(), name);
    const theirs = await measureAsciinemaPlayer(await browser.newPage(), name, duration);
    console.log(`recording: ${name}.cast, ${duration.toFixed(1)} s long`);
    console.log(
      `our player, lazy JS after the sandbox nears the viewport: ${kib(ours.lazyJsBytes)} transferred (gzip, ${ours.lazyJsFiles} files); recording ${kib(ours.castBytes)}`,
    );
    console.log(`our player, first frame after play: ${ms(ours.firstFrames)}`);
    console.log(
      `our player, seek (digit keys, ${seekTargets.length} jumps forward and back: ${seekJumps.length} targets, ${seekTargets.length / seekJumps.length} passes): ${ms(ours.seeks)}`,
    );
    console.log(
      `our player, seek until the clock and state panel follow (a frame after the screen): ${ms(ours.clockSeeks)}`,
    );
    console.log(
      `asciinema-player ${JSON.parse(readFileSync("node_modules/asciinema-player/package.json", "utf8")).version}, JS bundle: ${kib(theirs.jsGzipBytes)} gzip`,
    );
    console.log(`asciinema-player, first frame after play: ${ms(theirs.firstFrames)}`);
    console.log(`asciinema-player, seek (same targets): ${ms(theirs.seeks)}`);

    const oursLong = await measureOurPlayer(await browser.newPage(), name, long);
    const theirsLong = await measureAsciinemaPlayer(await browser.newPage(), name, duration, long.cast);
    console.log(
      `long synthetic cast: ${LONG_CAST_EVENTS} output events over the same ${duration.toFixed(1)} s (${kib(long.cast.length)}), screens ${kib(long.screens.length)}`,
    );
    console.log(`our player, long cast, first frame after play: ${ms(oursLong.firstFrames)}`);
    console.log(`our player, long cast, seek: ${ms(oursLong.seeks)}`);
    console.log(`asciinema-player, long cast, seek: ${ms(theirsLong.seeks)}`);

    const verdict = (pass: boolean, text: string) => console.log(`${pass ? "PASS" : "FAIL"} ${text}`);
    const seekRatio = median(ours.seeks) / median(theirs.seeks);
    verdict(seekRatio <= 0.5, `seek median ${seekRatio.toFixed(2)} × asciinema-player's (target ≤ 0.5 ×)`);
    verdict(
      median(ours.firstFrames) <= median(theirs.firstFrames),
      `first frame median ${median(ours.firstFrames).toFixed(1)} ms ≤ asciinema-player's ${median(theirs.firstFrames).toFixed(1)} ms`,
    );
    const growth = median(oursLong.seeks) / median(ours.seeks);
    verdict(
      growth <= 2,
      `seek median on the ${LONG_CAST_EVENTS}-event cast is ${growth.toFixed(2)} × the real recording's (target ≤ 2 ×: cost does not grow with length)`,
    );
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
