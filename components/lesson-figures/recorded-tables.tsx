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
              <td className={row.reinstalledDependencies ? "bad" : "good"}>{row.reinstalledDependencies ? "yes" : "no"}</td>
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
          <strong>{service}</strong> reported healthy {facts.secondsToHealthy[service]?.toFixed(1)} s after <code>up</code>
        </li>
      ))}
      <li>
        The app started {facts.appStartedAfterDependencies ? "only after" : "BEFORE"} both dependencies were healthy and
        connected to {facts.appConnectedTo.join(" and ")}.
      </li>
      <li>
        <code>stop app</code> took {facts.stopSeconds.toFixed(1)} s and the app exited with code {facts.appExitCode}; the
        volume <code>{facts.volume}</code> survived <code>down</code>.
      </li>
    </ul>
  );
}
