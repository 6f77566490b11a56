import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { SANDBOXES_DIR } from "../bases";
import { DOCKER, docker, run } from "../docker";
import { freeLoopbackPort, pollUntil, probe } from "../kit";
import type { Scenario } from "../scenario";
import { buildStandIn } from "../stand-ins";

export const COMPOSE_DIR = path.join(SANDBOXES_DIR, "compose");
export const PROJECT = "course-compose";

/** Compose v1 (Debian's docker-compose) where installed, else the v2 plugin. */
export function composeCommand(): [string, string[]] {
  return spawnSync("docker-compose", ["version"]).status === 0 ? ["docker-compose", []] : [DOCKER, ["compose"]];
}

/**
 * A compose override that puts `labels` on every container, the network and the named volume of
 * docker-compose.yml, so a cleanup by the run's label finds what compose created. Written as
 * JSON, which is YAML: compose reads it like any compose file.
 */
function writeLabelsOverride(workDir: string, labels: Record<string, string>): string {
  const file = path.join(workDir, "compose-labels.yml");
  const labelled = (names: string[]) => Object.fromEntries(names.map((name) => [name, { labels }]));
  // The names docker-compose.yml declares: a service added there needs adding here.
  const override = {
    services: labelled(["app", "postgres", "redis"]),
    networks: labelled(["default"]),
    volumes: labelled(["postgres_data"]),
  };
  writeFileSync(file, JSON.stringify(override, null, 2));
  return file;
}

interface DockerEvent {
  status?: string;
  Action?: string;
  timeNano: number;
  Actor: { Attributes: Record<string, string> };
}

/** Collects the engine's events for the compose project from now on (start, health_status, …). */
export function watchComposeEvents() {
  const events: DockerEvent[] = [];
  const stream = spawn(DOCKER, [
    "events",
    "--filter",
    `label=com.docker.compose.project=${PROJECT}`,
    "--format",
    "{{json .}}",
  ]);
  let buffered = "";
  stream.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as DockerEvent);
  });
  return { events, startedNano: BigInt(Date.now()) * 1_000_000n, stop: () => stream.kill() };
}

/** The app container's exit code, as the engine recorded it. */
export function composeAppExitCode(): number {
  const appId = docker([
    "ps",
    "-aq",
    "--filter",
    `label=com.docker.compose.project=${PROJECT}`,
    "--filter",
    "label=com.docker.compose.service=app",
  ]).stdout.trim();
  return Number(docker(["inspect", "--format", "{{.State.ExitCode}}", appId]).stdout.trim());
}

/**
 * What the engine's events and the app's logs show: which services turned healthy and when, whether
 * the app started only after both dependencies were healthy, and which ones it logged connecting to.
 */
export function composeFindings(events: DockerEvent[], upStartedNano: bigint, appLogs: string) {
  const secondsSinceUp = (event: DockerEvent) => Number(BigInt(event.timeNano) - upStartedNano) / 1e9;
  const service = (event: DockerEvent) => event.Actor.Attributes["com.docker.compose.service"] ?? "?";
  const action = (event: DockerEvent) => event.Action ?? event.status ?? "";
  const healthy = events.filter((event) => action(event) === "health_status: healthy");
  const secondsToHealthy: Record<string, number> = {};
  for (const event of healthy) secondsToHealthy[service(event)] ??= Math.max(0, secondsSinceUp(event));
  const appStart = events.find((event) => action(event) === "start" && service(event) === "app");
  const dependenciesHealthy = ["postgres", "redis"].map((name) => healthy.find((event) => service(event) === name));
  const appStartedAfterDependencies =
    appStart !== undefined &&
    dependenciesHealthy.every((event) => event !== undefined && BigInt(event.timeNano) <= BigInt(appStart.timeNano));
  const appConnectedTo = (["postgres", "redis"] as const).filter((name) =>
    new RegExp(`connected to ${name}`).test(appLogs),
  );
  return {
    healthyOrder: [...new Set(healthy.map(service))],
    secondsToHealthy,
    appStartedAfterDependencies,
    appConnectedTo,
  };
}

export const composeUp: Scenario<"compose-up"> = {
  name: "compose-up",
  title: "docker compose up: the app waits for healthy Postgres and Redis",
  basesUsed: ["slim"],
  async run({ session, images, bases, progress, workDir, labels }) {
    const { signal } = session;
    const postgres = await buildStandIn(
      {
        dir: COMPOSE_DIR,
        dockerfile: "postgres.Dockerfile",
        name: "postgres15",
        baseRef: bases.slim.ref,
        inputs: ["postgres-entrypoint.sh"],
      },
      progress,
      signal,
    );
    const redis = await buildStandIn(
      { dir: COMPOSE_DIR, dockerfile: "redis.Dockerfile", name: "redis7", baseRef: bases.slim.ref },
      progress,
      signal,
    );
    const port = await freeLoopbackPort();
    const [compose, composePrefix] = composeCommand();
    const env = {
      ...process.env,
      APP_IMAGE: images.optimized,
      POSTGRES_IMAGE: postgres,
      REDIS_IMAGE: redis,
      APP_PORT: String(port),
    };
    const labelsOverride = writeLabelsOverride(workDir, labels);
    const composeArgs = (...args: string[]) => [
      ...composePrefix,
      "-p",
      PROJECT,
      "-f",
      path.join(COMPOSE_DIR, "docker-compose.yml"),
      "-f",
      labelsOverride,
      ...args,
    ];
    const display = (...args: string[]) =>
      `${compose === DOCKER ? "docker compose" : "docker-compose"} ${args.join(" ")}`;
    await run(compose, composeArgs("down", "-v", "--remove-orphans"), () => {}, { env, signal });

    // The engine's own event stream says when each service started and turned healthy.
    const watcher = watchComposeEvents();
    // try/finally: a cancelled live run must not leave the event stream running.
    let stopSeconds: number;
    let appExitCode: number;
    let logs: { output: string };
    const volume = `${PROJECT}_postgres_data`;
    try {
      session.comment(`stand-in images: ${postgres}, ${redis}; app: ${images.optimized}`);
      session.mark("compose-up", "docker compose up", {});
      const up = await session.exec(compose, composeArgs("up", "-d", "--no-build"), {
        display: display("up", "-d"),
        timeoutMs: 180_000,
        env,
      });
      if (up.code !== 0) throw new Error(`compose up failed: ${up.output}`);
      const ready = await pollUntil(
        async () => (await probe(`http://127.0.0.1:${port}/healthz`)) === 200,
        100,
        300,
        signal,
      );
      if (!ready) throw new Error("the app never became healthy behind compose");
      session.mark("app-ready", "app healthy: connected to Postgres and Redis", {
        container: "running",
        httpHealth: 200,
      });
      logs = await session.exec(compose, composeArgs("logs", "--no-color", "app"), {
        display: display("logs", "app"),
        timeoutMs: 30_000,
        env,
      });
      await session.exec(compose, composeArgs("ps"), { display: display("ps"), timeoutMs: 30_000, env });

      const stopStarted = Date.now();
      session.mark("sigterm", "compose stop app: SIGTERM sent", (t) => ({ container: "stopping", sigtermAt: t }));
      await session.exec(compose, composeArgs("stop", "app"), {
        display: display("stop", "app"),
        timeoutMs: 60_000,
        env,
      });
      stopSeconds = (Date.now() - stopStarted) / 1000;
      appExitCode = composeAppExitCode();
      session.mark("exit", `app exited with code ${appExitCode}`, { container: "exited", exitCode: appExitCode });
      await session.exec(compose, composeArgs("logs", "--no-color", "--tail", "4", "app"), {
        display: display("logs", "--tail", "4", "app"),
        timeoutMs: 30_000,
        env,
      });
      await session.exec(compose, composeArgs("down"), { display: display("down"), timeoutMs: 120_000, env });
      await session.exec(DOCKER, ["volume", "ls", "--filter", `name=${volume}`], {
        display: `docker volume ls --filter name=${volume}`,
        timeoutMs: 30_000,
      });
      session.comment("the named volume survives `down`: the data is still there next time");
    } finally {
      watcher.stop();
    }
    await run(compose, composeArgs("down", "-v"), () => {}, { env, signal });

    const findings = composeFindings(watcher.events, watcher.startedNano, logs.output);
    return {
      ...findings,
      volume,
      stopSeconds,
      appExitCode,
    };
  },
};
