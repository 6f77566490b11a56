import { loadManifest } from "@/lib/recordings/manifest.server";

/** Small tables of recorded facts the lesson cites: secrets and users, rebuild times, zombies. */

export function SecretsAndUsers() {
  const { rows } = loadManifest().scenarios["secrets-and-user"].facts;
  return (
    <div className="table-scroll">
      <table className="data-table" data-figure="secrets-and-user">
        <caption>What each image holds and who its process runs as (checked inside each image)</caption>
        <thead>
          <tr>
            <th scope="col">Image</th>
            <th scope="col">
              <code>/app/.env</code> present
            </th>
            <th scope="col">Fake secret found under /app</th>
            <th scope="col">Runs as</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.image}>
              <th scope="row">{row.image}</th>
              <td className={row.envFilePresent ? "bad" : "good"}>{row.envFilePresent ? "yes" : "no"}</td>
              <td className={row.secretFound ? "bad" : "good"}>{row.secretFound ? "yes" : "no"}</td>
              <td className={row.uid === 0 ? "bad" : "good"}>
                {row.user} (uid {row.uid})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RebuildTimes() {
  const { rows, change } = loadManifest().scenarios["build-cache"].facts;
  return (
    <div className="table-scroll">
      <table className="data-table" data-figure="build-cache">
        <caption>
          Rebuild after appending <code>{change}</code> to one source file, with a warm cache
        </caption>
        <thead>
          <tr>
            <th scope="col">Dockerfile</th>
            <th scope="col">Rebuild took</th>
            <th scope="col">Dependencies reinstalled</th>
            <th scope="col">Steps cached / run</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.image}>
              <th scope="row">{row.image}</th>
              <td className="num">{row.rebuildSeconds.toFixed(1)} s</td>
              <td className={row.reinstalledDependencies ? "bad" : "good"}>
                {row.reinstalledDependencies ? "yes" : "no"}
              </td>
              <td className="num">
                {row.stepsCached} / {row.stepsRun}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComposeStartup() {
  const facts = loadManifest().scenarios["compose-up"].facts;
  return (
    <ul className="fact-list" data-figure="compose-up">
      {facts.healthyOrder.map((service) => (
        <li key={service}>
          <strong>{service}</strong> reported healthy {facts.secondsToHealthy[service]?.toFixed(1)} s after{" "}
          <code>up</code>
        </li>
      ))}
      <li>
        The app started {facts.appStartedAfterDependencies ? "only after" : "BEFORE"} both dependencies were healthy and
        connected to {facts.appConnectedTo.join(" and ")}.
      </li>
      <li>
        <code>stop app</code> took {facts.stopSeconds.toFixed(1)} s and the app exited with code {facts.appExitCode};
        the volume <code>{facts.volume}</code> survived <code>down</code>.
      </li>
    </ul>
  );
}

const ROLLING_VARIANTS = [
  ["rolling-naive", "naive image"],
  ["rolling-optimized", "optimized image"],
  ["rolling-no-drain-window", "optimized, no drain window"],
] as const;

/** Every request of the three rolling deploys, counted: the text alternative to their charts. */
export function RollingTotals() {
  const { scenarios } = loadManifest();
  const settings = scenarios["rolling-optimized"].facts;
  return (
    <div className="table-scroll">
      <table className="data-table" data-figure="rolling-totals">
        <caption>
          Two replicas replaced one at a time behind {settings.balancer.software.split(" - ")[0]} while{" "}
          {settings.load.ratePerSecond} requests/s came in ({settings.load.tool}): every request counted
        </caption>
        <thead>
          <tr>
            <th scope="col">Deploy</th>
            <th scope="col">Requests</th>
            <th scope="col">Succeeded</th>
            <th scope="col">Failed</th>
            <th scope="col">Failed by kind</th>
            <th scope="col">p50 / p99 latency of answers</th>
            <th scope="col">Deploy took</th>
          </tr>
        </thead>
        <tbody>
          {ROLLING_VARIANTS.map(([name, label]) => {
            const { totals, failed, latency, deploySeconds } = scenarios[name].facts;
            const kinds = [
              ...Object.entries(totals.httpErrors).map(([status, n]) => `${n} × HTTP ${status}`),
              ...(totals.resets ? [`${totals.resets} closed without an answer`] : []),
              ...(totals.timeouts ? [`${totals.timeouts} timeouts`] : []),
              ...(totals.otherErrors ? [`${totals.otherErrors} other errors`] : []),
            ];
            return (
              <tr key={name} data-scenario={name}>
                <th scope="row">{label}</th>
                <td className="num">{totals.sent}</td>
                <td className="num">{totals.ok}</td>
                <td className={`num ${failed === 0 ? "good" : "bad"}`} data-failed={failed}>
                  {failed}
                </td>
                <td>{kinds.length > 0 ? kinds.join(", ") : "none"}</td>
                <td className="num">
                  {Math.round(latency.p50Ms)} / {Math.round(latency.p99Ms)} ms
                </td>
                <td className="num">{deploySeconds.toFixed(1)} s</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
