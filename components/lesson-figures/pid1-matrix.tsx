import { loadManifest } from "@/lib/recordings/manifest.server";

/** The eight PID 1 × handler runs as a table, straight from the manifest. */
export function Pid1Matrix() {
  const { rows, graceSeconds } = loadManifest().scenarios["pid1-matrix"].facts;
  return (
    <div className="table-scroll">
      <table className="data-table" data-figure="pid1-matrix">
        <caption>
          <code>docker stop</code> with one request in flight (grace period {graceSeconds} s), recorded for every PID 1
          setup with and without a SIGTERM handler in the app. &ldquo;Ended by&rdquo; is read from the container&apos;s
          exit code, 128 + the signal&apos;s number (143 = SIGTERM, 137 = SIGKILL); tini and docker-init pass on their
          child&apos;s code, so in those rows it is the signal that ended node. Below 128, the process exited by itself.
        </caption>
        <thead>
          <tr>
            <th scope="col">PID 1</th>
            <th scope="col">App handler</th>
            <th scope="col">App&apos;s SIGTERM handler ran</th>
            <th scope="col">Ended by</th>
            <th scope="col">Stop took</th>
            <th scope="col">Exit code</th>
            <th scope="col">In-flight request</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.pid1}-${row.handler}`} data-pid1={row.pid1} data-handler={row.handler}>
              <th scope="row">
                <code>{row.pid1}</code>
              </th>
              <td>{row.handler ? "yes" : "no"}</td>
              <td>{row.appHandlerRan ? "yes" : "no"}</td>
              <td>{row.terminatingSignal ?? "its own exit"}</td>
              <td data-value={row.stopSeconds}>{row.stopSeconds.toFixed(1)} s</td>
              <td>{row.exitCode}</td>
              <td className={row.inflightOutcome === "completed" ? "good" : "bad"}>{row.inflightOutcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
