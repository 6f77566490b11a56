/**
 * SIGTERM to the npm process of `npm run <server script>` (what `kill` or a process manager sends)
 * must stop the server. npm forwards the signal to its own child only, and /bin/sh (dash on Debian)
 * does not replace itself with the script's command: without `exec` in the script, the shell dies
 * and the server lives on, orphaned, still holding its port.
 *
 * Linux only: a server's whole process tree is found through /proc, by an environment variable
 * every process in it inherits (`next dev`'s worker, for one, does not carry the port in its name).
 */
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MARKER = "NPM_SCRIPTS_STOP_TEST";
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const TEST_TIMEOUT_MS = READY_TIMEOUT_MS + STOP_TIMEOUT_MS + 5_000;

function argvOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
}

/** Every process that inherited this run's marker: the npm process and all it started. */
function markedProcesses(id: string): { pid: number; argv: string[] }[] {
  const found = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`${MARKER}=${id}`))
        found.push({ pid, argv: argvOf(pid) });
    } catch {
      // The process ended while we looked, or is not ours to read: either way not part of the tree.
    }
  }
  return found;
}

function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
  );
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port, timeout: 1000 });
    const answer = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.once("connect", () => answer(true));
    socket.once("error", () => answer(false));
    socket.once("timeout", () => answer(false));
  });
}

/** A port in 4700-4799 nothing listens on, on any interface. */
async function freePort(): Promise<number> {
  for (let port = 4700; port < 4800; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port in 4700-4799");
}

function npmRun(script: string, args: string[]) {
  const id = randomUUID();
  const env: Record<string, string | undefined> = { ...process.env, [MARKER]: id, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NODE_ENV; // vitest sets it to "test"; run the script as a user would
  // Its own process group, so cleanup can reach everything even if the test fails halfway.
  const npm = spawn("npm", ["run", script, "--", ...args], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv, // Next's types claim NODE_ENV is always set
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  npm.stdout.on("data", (chunk) => (output += chunk));
  npm.stderr.on("data", (chunk) => (output += chunk));
  let exited = false;
  npm.once("exit", () => (exited = true));
  const pid = npm.pid;
  if (pid === undefined) throw new Error(`could not start npm run ${script}`);
  return {
    pid,
    output: () => output,
    exited: () => exited,
    /** SIGTERM to the npm process alone, as `kill <npm pid>` sends it. */
    terminateNpm: () => process.kill(pid, "SIGTERM"),
    /** Then the port must be free and every process of the tree gone. */
    async expectAllGone(port: number) {
      await vi.waitFor(
        async () => {
          expect(
            markedProcesses(id).map((left) => `${left.pid} ${left.argv.join(" ")}`),
            "processes left behind",
          ).toEqual([]);
          expect(await portAnswers(port), `port ${port} still answers`).toBe(false);
        },
        { timeout: STOP_TIMEOUT_MS, interval: 200 },
      );
    },
    /** The whole process group, and any marked process that left it. */
    cleanUp() {
      for (const target of [-pid, ...markedProcesses(id).map((left) => left.pid)]) {
        try {
          process.kill(target, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    },
  };
}

async function expectListening(run: ReturnType<typeof npmRun>, port: number) {
  await vi.waitFor(
    async () => expect(await portAnswers(port), `never listened on ${port}; output:\n${run.output()}`).toBe(true),
    {
      timeout: READY_TIMEOUT_MS,
      interval: 200,
    },
  );
}

const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;

describe.runIf(process.platform === "linux")("npm run <server script>, then SIGTERM to the npm process", () => {
  it(
    "demo:live stops: the live server (tsx and its node) is gone and its port free",
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const port = await freePort();
      const run = npmRun("demo:live", ["--port", String(port)]);
      try {
        await expectListening(run, port);
        run.terminateNpm();
        await run.expectAllGone(port);
      } finally {
        run.cleanUp();
      }
    },
  );

  // `next dev` keeps its default dist dir (.next/dev, apart from builds), as any `npm run dev` does:
  // with another one Next would rewrite tsconfig.json to include its types.
  it("dev stops: next dev and its worker are gone and the port free", { timeout: TEST_TIMEOUT_MS }, async () => {
    const port = await freePort();
    const run = npmRun("dev", ["-p", String(port), "-H", "127.0.0.1"]);
    try {
      await expectListening(run, port);
      run.terminateNpm();
      await run.expectAllGone(port);
    } finally {
      run.cleanUp();
    }
  });

  // `next start` serves only a build, and this test may not make one (CI builds for the browser
  // tests, after the unit tests). Without one, next start listens for a fraction of a second and
  // exits on its own, so waiting for the port would race it. Instead the test waits until npm's own
  // child *is* next start, with no shell in between, so npm's forwarded SIGTERM lands on it, and
  // sends SIGTERM while it runs. What next start does with SIGTERM once it serves is the same
  // start-server code as the dev server's worker, which the dev test above stops while listening.
  it(
    "serve (and start, the same command after its build) stops: next start is npm's own child and is gone",
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      expect(scripts.start).toBe(scripts.serve);
      const port = await freePort();
      const run = npmRun("serve", ["-p", String(port), "-H", "127.0.0.1"]); // after the script's -p 3000: the last one wins
      try {
        await vi.waitFor(
          () => {
            expect(run.exited(), `npm ended before next start was its own child; output:\n${run.output()}`).toBe(false);
            const children = childrenOf(run.pid).map(argvOf);
            expect(
              children.some((argv) => path.basename(argv[0] ?? "") === "node" && argv.includes("start")),
              `npm's children are not next start itself: ${JSON.stringify(children)}`,
            ).toBe(true);
          },
          { timeout: READY_TIMEOUT_MS, interval: 50 },
        );
        run.terminateNpm();
        await run.expectAllGone(port);
      } finally {
        run.cleanUp();
      }
    },
  );
});
