import { readFileSync } from "node:fs";
import {
  HAPROXY_CONFIG,
  ROLLING_DIR,
  backendServers,
  backendState,
  readBackendStatuses,
  readBalancerSettings,
  type BackendState,
} from "../balancer";
import { docker } from "../docker";
import { DOCKER, freeLoopbackPort, inspect, labelFlags, pollUntil, sleep } from "../kit";
import { failedCount } from "@/lib/recordings/traffic";
import { LOAD_TOOL, startLoad, type RequestCounts } from "../load";
import type { ScenarioFacts, ScenarioName } from "@/lib/recordings/manifest-schema";
import type { Scenario } from "../scenario";
import { buildStandIn } from "../stand-ins";

type RollingName = Extract<ScenarioName, `rolling-${string}`>;

const NETWORK = "course-rolling";
/** The network the replicas' fixed addresses in haproxy.cfg live on; outside Docker's default address pools. */
const SUBNET = "10.213.77.0/24";
const BALANCER = "course-rolling-lb";
const OLD = ["blue-1", "blue-2"] as const;
const NEW = ["green-1", "green-2"] as const;
/**
 * The load: a fixed rate, and room for it to stay fixed. A replica that is gone holds each request sent to it
 * for the balancer's connect timeout (2 s), so the connections must outnumber rate × 2 s, or the requests
 * behind them wait in the load generator instead of reaching the balancer.
 */
const LOAD = { ratePerSecond: 250, connections: 1000, path: "/?delay=50" };
/** Quiet seconds of load before the deploy starts and after it ends, so the chart shows the steady state around it. */
const STEADY_SECONDS = 3;
/** Every wait is bounded: the load stops by itself after this long even if a step hangs. */
const LOAD_MAX_SECONDS = 90;

const container = (replica: string) => `course-rolling-${replica}`;

function describeCounts(counts: RequestCounts): string {
  const http5xx = Object.entries(counts.httpErrors).reduce(
    (sum, [status, n]) => sum + (status.startsWith("5") ? n : 0),
    0,
  );
  const otherHttp = Object.values(counts.httpErrors).reduce((sum, n) => sum + n, 0) - http5xx;
  const parts = [
    `done ${String(counts.sent).padStart(3)}`,
    `ok ${String(counts.ok).padStart(3)}`,
    `5xx ${String(http5xx).padStart(3)}`,
  ];
  if (otherHttp > 0) parts.push(`4xx ${otherHttp}`);
  parts.push(`reset ${counts.resets}`, `t/o ${counts.timeouts}`);
  if (counts.otherErrors > 0) parts.push(`other ${counts.otherErrors}`);
  return parts.join("  ");
}

/** HAProxy's status, as an operator reads it; a name that does not resolve means there is no such container. */
const statusText = (status: string) => (status.startsWith("MAINT") ? "" : status);

function describeBackends(statuses: Record<string, string>): string {
  return Object.entries(statuses)
    .filter(([, status]) => statusText(status) !== "")
    .map(([name, status]) => `${name} ${statusText(status)}`.padEnd(17))
    .join("")
    .trimEnd();
}

function rollingScenario<Name extends RollingName>(
  name: Name,
  title: string,
  image: "naive" | "optimized",
  replicaEnv: Record<string, string>,
): Scenario<Name> {
  return {
    name,
    title,
    basesUsed: image === "naive" ? ["fat", "slim"] : ["slim"],
    async run({ session, images, bases, progress, labels }) {
      const balancerImage = await buildStandIn(
        {
          dir: ROLLING_DIR,
          dockerfile: "haproxy.Dockerfile",
          name: "haproxy26",
          baseRef: bases.slim.ref,
          inputs: ["haproxy.cfg"],
        },
        progress,
        session.signal,
      );
      const software =
        docker(["run", "--rm", "--entrypoint", "haproxy", balancerImage, "-v"]).stdout.split("\n")[0]?.trim() ??
        "haproxy";
      const balancer = readBalancerSettings(software);
      const envFlags = Object.entries(replicaEnv).flatMap(([key, value]) => ["-e", `${key}=${value}`]);
      const addresses = backendServers(readFileSync(HAPROXY_CONFIG, "utf8"));
      const removeAll = () => {
        docker(["rm", "-f", BALANCER, ...[...OLD, ...NEW].map(container)], { allowFailure: true });
        docker(["network", "rm", NETWORK], { allowFailure: true });
      };
      removeAll();

      const port = await freeLoopbackPort();
      const statsPort = await freeLoopbackPort();
      const statsUrl = `http://127.0.0.1:${statsPort}/stats`;
      const backends: ScenarioFacts<RollingName>["backends"] = [];
      const replicas: ScenarioFacts<RollingName>["replicas"] = [];
      let statuses: Record<string, string> = {};
      let watching = true;
      let load: ReturnType<typeof startLoad> | undefined;
      const startReplica = async (replica: string) => {
        const address = addresses[replica];
        if (!address) throw new Error(`haproxy.cfg lists no server named ${replica}`);
        const args = [
          "run",
          "-d",
          "--name",
          container(replica),
          ...labelFlags(labels),
          "--network",
          NETWORK,
          "--ip",
          address,
          ...envFlags,
          images[image],
        ];
        const started = await session.exec(DOCKER, args, {
          display: [
            "docker run -d --name",
            container(replica),
            "--network",
            NETWORK,
            "--ip",
            address,
            ...envFlags,
            images[image],
          ].join(" "),
          timeoutMs: 30_000,
        });
        if (started.code !== 0) throw new Error(`starting ${replica} failed: ${started.output}`);
      };
      const until = (replica: string, state: BackendState, attempts = 120) =>
        pollUntil(() => backendState(statuses[replica] ?? "") === state, attempts, 250, session.signal);

      try {
        session.comment(
          `${balancer.software}: GET ${balancer.checkPath} every ${balancer.intervalMs} ms, DOWN after ${balancer.fall} failures, UP after ${balancer.rise} passes, retries ${balancer.retries}`,
        );
        const network = await session.exec(
          DOCKER,
          ["network", "create", ...labelFlags(labels), "--subnet", SUBNET, NETWORK],
          { display: `docker network create --subnet ${SUBNET} ${NETWORK}`, timeoutMs: 30_000 },
        );
        if (network.code !== 0)
          throw new Error(
            `creating the ${SUBNET} network failed (is that subnet in use on this machine?): ${network.output}`,
          );
        const lb = await session.exec(
          DOCKER,
          [
            "run",
            "-d",
            "--name",
            BALANCER,
            ...labelFlags(labels),
            "--network",
            NETWORK,
            "-p",
            `127.0.0.1:${port}:8080`,
            "-p",
            `127.0.0.1:${statsPort}:8404`,
            balancerImage,
          ],
          {
            display: `docker run -d --name ${BALANCER} --network ${NETWORK} -p 127.0.0.1:${port}:8080 -p 127.0.0.1:${statsPort}:8404 haproxy`,
            timeoutMs: 30_000,
          },
        );
        if (lb.code !== 0) throw new Error(`starting the balancer failed: ${lb.output}`);

        // The balancer's view, four times a second: state changes become markers, every sample a fact for the chart.
        const watcher = (async () => {
          const seen: Record<string, BackendState> = {};
          for (let i = 0; watching && i < LOAD_MAX_SECONDS * 8; i++) {
            const read = await readBackendStatuses(statsUrl);
            if (read) {
              statuses = read;
              const states = Object.fromEntries(
                Object.entries(read).map(([server, status]) => [server, backendState(status)]),
              );
              backends.push({ t: session.now(), states });
              for (const [server, state] of Object.entries(states)) {
                if (seen[server] !== undefined && seen[server] !== state && state !== "absent")
                  session.mark("backend", `balancer: ${server} ${read[server]}`);
                seen[server] = state;
              }
            }
            await sleep(250);
          }
        })();

        for (const replica of OLD) await startReplica(replica);
        if (!(await until(OLD[0], "up")) || !(await until(OLD[1], "up")))
          throw new Error("the first replicas never turned UP in the balancer");
        session.mark("ready", `${OLD.join(" and ")} UP behind the balancer`);

        session.comment(
          `load: ${LOAD.ratePerSecond} requests/s on up to ${LOAD.connections} connections to GET 127.0.0.1:${port}${LOAD.path} (${LOAD_TOOL})`,
        );
        session.comment(
          "one line a second: the requests that ended in it, by outcome, then each replica as the balancer sees it",
        );
        const running = startLoad({
          url: `http://127.0.0.1:${port}${LOAD.path}`,
          rate: LOAD.ratePerSecond,
          connections: LOAD.connections,
          maxSeconds: LOAD_MAX_SECONDS,
        });
        load = running; // so a failed step still stops it (finally)
        const loadStartedAt = session.mark("load-start", `load starts: ${LOAD.ratePerSecond} requests/s`);
        const ticker = (async () => {
          for (let second = 1; watching && second <= LOAD_MAX_SECONDS; second++) {
            await sleep(Math.max(0, running.startedAt + second * 1000 + 50 - Date.now()));
            if (!watching) break;
            session.write(
              `\u001b[2m${String(second).padStart(3)}s\u001b[0m  ${describeCounts(running.second(second - 1))}  \u2502 ${describeBackends(statuses)}\n`,
            );
          }
        })();
        await sleep(STEADY_SECONDS * 1000, session.signal);

        const deployStartedAt = session.mark("deploy-start", "rolling deploy starts");
        for (const [index, replica] of NEW.entries()) {
          const old = OLD[index]!;
          await startReplica(replica);
          if (!(await until(replica, "up"))) throw new Error(`${replica} never turned UP in the balancer`);
          session.mark("sigterm", `docker stop ${old}: SIGTERM sent`);
          const stopped = await session.exec(DOCKER, ["stop", container(old)], {
            display: `docker stop ${container(old)}`,
            timeoutMs: 60_000,
          });
          if (stopped.code !== 0) throw new Error(`docker stop ${old} failed: ${stopped.output}`);
          const exitCode = Number(inspect(container(old), "{{.State.ExitCode}}"));
          session.mark("exit", `${old} exited with code ${exitCode}`);
          replicas.push({ name: old, role: "old", exitCode });
          await session.exec(DOCKER, ["rm", container(old)], {
            display: `docker rm ${container(old)}`,
            timeoutMs: 30_000,
          });
        }
        const deploySeconds = session.mark("deploy-end", "rolling deploy done") - deployStartedAt;
        for (const replica of NEW) replicas.push({ name: replica, role: "new", exitCode: null });
        await sleep(STEADY_SECONDS * 1000, session.signal);

        await running.stop();
        load = undefined;
        watching = false;
        await Promise.all([ticker, watcher]);
        const failed = failedCount(running.total);
        const latency = running.latency();
        session.mark("load-end", `load ends: ${failed} of ${running.total.sent} requests failed`);
        session.write(
          [
            "",
            `requests ${running.total.sent}   succeeded ${running.total.ok}   failed ${failed}`,
            `  by status ${JSON.stringify(running.total.httpErrors)}   resets ${running.total.resets}   timeouts ${running.total.timeouts}   other ${running.total.otherErrors}`,
            `latency p50 ${Math.round(latency.p50Ms)} ms   p99 ${Math.round(latency.p99Ms)} ms   deploy ${deploySeconds.toFixed(1)} s`,
            "",
          ].join("\n"),
        );
        const facts: ScenarioFacts<RollingName> = {
          image,
          replicaEnv,
          balancer,
          load: { tool: LOAD_TOOL, ...LOAD },
          totals: running.total,
          failed,
          latency,
          deploySeconds,
          loadStartedAt,
          perSecond: running.perSecond,
          backends,
          replicas,
        };
        return facts as ScenarioFacts<Name>;
      } finally {
        watching = false;
        await load?.stop();
        removeAll();
      }
    },
  };
}

export const rollingNaive = rollingScenario(
  "rolling-naive",
  "Rolling deploy under load: two naive replicas replaced behind HAProxy",
  "naive",
  {},
);
// The optimized image's own default readiness delay, stated so the manifest records the window the app kept.
export const rollingOptimized = rollingScenario(
  "rolling-optimized",
  "Rolling deploy under load: two optimized replicas replaced behind HAProxy",
  "optimized",
  {
    READINESS_DELAY_MS: "2000",
  },
);
export const rollingNoDrainWindow = rollingScenario(
  "rolling-no-drain-window",
  "Rolling deploy under load: optimized replicas with no drain window (READINESS_DELAY_MS=0)",
  "optimized",
  { READINESS_DELAY_MS: "0" },
);
