import {
  DOCKER,
  engineHealth,
  freeLoopbackPort,
  inspect,
  labelFlags,
  pid1Identity,
  pollUntil,
  probe,
  removeContainer,
  sleep,
  type HttpHealth,
} from "./kit";
import type { CastSession } from "./cast";

export type TerminatingSignal = "SIGTERM" | "SIGKILL" | "SIGINT";

const SIGNAL_NUMBERS: Record<number, TerminatingSignal> = { 2: "SIGINT", 9: "SIGKILL", 15: "SIGTERM" };

/**
 * Docker reports a process killed by signal n as exit code 128 + n, and tini and docker-init exit
 * with their child's code the same way (tini's README, "Remapping exit codes"). So 143 settles that
 * SIGTERM reached node even when no handler ran, and 137 that the grace period ran out. Codes up
 * to 128 are a program's own exit (npm's 1, a clean 0).
 */
export function terminatingSignal(exitCode: number): TerminatingSignal | null {
  return exitCode > 128 ? (SIGNAL_NUMBERS[exitCode - 128] ?? null) : null;
}

export interface StopExperiment {
  /** Container name; any leftover container with this name is removed first. */
  name: string;
  image: string;
  /** Extra `docker run` flags (e.g. --init, --entrypoint node, -e HANDLE_SIGNALS=false). */
  runFlags?: string[];
  /** Command after the image (replaces the image's CMD). */
  command?: string[];
  /** How long the in-flight request takes. */
  requestMs: number;
  /** Poll /healthz and the engine's health status while the container stops. */
  watchHealth?: boolean;
  /** Also print every probe result in the terminal (the health-flip recording). */
  showProbes?: boolean;
  /** Labels for the container (the run's, so a cleanup finds it); not shown in the terminal. */
  labels?: Record<string, string>;
}

export interface StopOutcome {
  pid1: string;
  user: string;
  stopSeconds: number;
  exitCode: number;
  inflightOutcome: "completed" | "dropped";
  inflightHttpStatus: number | null;
  /** The app logged "received SIGTERM": its own handler ran (not merely "the signal arrived"). */
  appHandlerRan: boolean;
  /** The signal that ended the app, read from the exit code (128 + n); null when the program exited by itself. */
  terminatingSignal: TerminatingSignal | null;
  healthzAfterSigterm: HttpHealth[];
  engineStates: string[];
  statuses: { t: number; engine: string; http: number | "refused" }[];
  first503At: number | null;
  exitedAt: number;
}

/**
 * The experiment behind every stop recording: start a container, put one slow request in
 * flight, `docker stop` it, and write down what really happened, with markers at each moment.
 * The session's signal cancels it: its commands are killed and its waits end.
 */
export async function runStopExperiment(session: CastSession, experiment: StopExperiment): Promise<StopOutcome> {
  const {
    name,
    image,
    runFlags = [],
    command = [],
    requestMs,
    watchHealth = false,
    showProbes = false,
    labels,
  } = experiment;
  const { signal } = session;
  removeContainer(name);
  const port = await freeLoopbackPort();
  const base = `http://127.0.0.1:${port}`;

  const started = await session.exec(
    DOCKER,
    [
      "run",
      "-d",
      "--name",
      name,
      ...labelFlags(labels),
      "-p",
      `127.0.0.1:${port}:3000`,
      ...runFlags,
      image,
      ...command,
    ],
    {
      display: ["docker run -d --name", name, "-p", `127.0.0.1:${port}:3000`, ...runFlags, image, ...command].join(" "),
    },
  );
  if (started.code !== 0) throw new Error(`docker run ${image} failed: ${started.output}`);
  const hasHealthcheck = engineHealth(name) !== "none";
  session.mark("start", "container started", {
    container: "starting",
    health: hasHealthcheck ? "starting" : "none",
    inflight: "none",
  });
  const logs = session.background(DOCKER, ["logs", "--follow", name], { display: `docker logs --follow ${name}` });

  const statuses: StopOutcome["statuses"] = [];
  let lastEngine = hasHealthcheck ? "starting" : "none";
  let lastHttp: number | "refused" | undefined;
  let first503At: number | null = null;
  const watch = async (afterSigterm?: HttpHealth[]) => {
    const http = await probe(`${base}/healthz`, 400);
    const engine = hasHealthcheck ? engineHealth(name) : "none";
    const t = session.now();
    statuses.push({ t, engine, http });
    if (showProbes)
      session.write(`\u001b[36mprobe\u001b[0m  engine health: ${engine.padEnd(9)}  GET /healthz → ${http}\n`);
    if (http !== lastHttp && lastHttp !== undefined && (http === 503 || http === "refused")) {
      if (http === 503 && first503At === null) first503At = t;
      session.mark("healthz", http === 503 ? "/healthz answers 503" : "/healthz connection refused", {
        httpHealth: http,
      });
    }
    if (engine !== lastEngine && engine !== "none") {
      session.mark("health-change", `engine health: ${engine}`, {
        health: engine as "starting" | "healthy" | "unhealthy",
      });
    }
    lastEngine = engine;
    lastHttp = http;
    if (afterSigterm && (http === 200 || http === 503 || http === "refused")) afterSigterm.push(http);
  };

  const ready = await pollUntil(async () => (await probe(`${base}/healthz`)) === 200, 100, 200, signal);
  if (!ready) throw new Error(`${name}: the service never answered /healthz with 200 within 20 s`);
  lastHttp = 200;
  const identity = pid1Identity(name);
  session.mark("ready", "serving on the published port", { container: "running", httpHealth: 200, ...identity });
  if (watchHealth && showProbes)
    session.comment("the recorder now probes the engine's health status and GET /healthz about every 200 ms");
  if (watchHealth && hasHealthcheck) {
    // The engine marks the container healthy after its first passing probe.
    await pollUntil(
      async () => {
        await watch();
        return lastEngine === "healthy";
      },
      40,
      250,
      signal,
    );
  }

  const curl = session.background(
    "curl",
    ["-sS", "--max-time", "30", "-w", "\\nHTTP %{http_code} after %{time_total}s\\n", `${base}/?delay=${requestMs}`],
    {
      display: `curl -sS -w '\\nHTTP %{http_code} after %{time_total}s\\n' '${base}/?delay=${requestMs}'`,
      timeoutMs: 40_000,
    },
  );
  await pollUntil(() => /request #\d+ started/.test(logs.output()), 50, 100, signal);
  session.mark("request-start", "request in flight", { inflight: "pending" });
  let inflightHttpStatus: number | null = null;
  const curlDone = curl.done.then(({ output }) => {
    const status = /HTTP (\d{3}) after/.exec(output)?.[1];
    inflightHttpStatus = status && status !== "000" ? Number(status) : null;
    const completed = inflightHttpStatus === 200;
    session.mark("request-end", completed ? "in-flight request completed (200)" : "in-flight request dropped", {
      inflight: completed ? "completed" : "dropped",
    });
  });
  // A cancel kills curl, so this may reject before it is awaited below; without a handler now,
  // Node would treat that as an unhandled rejection and end the process. Awaiting it still throws.
  curlDone.catch(() => {});
  await sleep(300, signal);

  const healthzAfterSigterm: HttpHealth[] = [];
  session.mark("sigterm", "docker stop: SIGTERM sent", (t) => ({ container: "stopping", sigtermAt: t }));
  const stopStarted = Date.now();
  const stop = session.exec(DOCKER, ["stop", name], { display: `docker stop ${name}`, timeoutMs: 60_000 });
  let stopped = false;
  const watcher = (async () => {
    if (!watchHealth) return;
    // Bounded: at most 120 probes, and never past the stop.
    for (let i = 0; i < 120 && !stopped; i++) {
      await watch(healthzAfterSigterm);
      await sleep(200, signal);
    }
  })();
  watcher.catch(() => {}); // as curlDone: a cancel may reject it before it is awaited
  await stop;
  stopped = true;
  const stopSeconds = (Date.now() - stopStarted) / 1000;
  await watcher;
  const exitCode = Number(inspect(name, "{{.State.ExitCode}}"));
  const exitedAt = session.mark("exit", `container exited with code ${exitCode}`, { container: "exited", exitCode });
  await curlDone;
  await sleep(200, signal);
  logs.stop();
  const appHandlerRan = /received SIGTERM/.test(logs.output());
  removeContainer(name);
  session.write("\n");
  return {
    ...identity,
    stopSeconds,
    exitCode,
    inflightOutcome: inflightHttpStatus === 200 ? "completed" : "dropped",
    inflightHttpStatus,
    appHandlerRan,
    terminatingSignal: terminatingSignal(exitCode),
    healthzAfterSigterm,
    engineStates: [...new Set(statuses.map((s) => s.engine).filter((s) => s !== "none"))],
    statuses,
    first503At,
    exitedAt,
  };
}
