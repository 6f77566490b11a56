// `npm run serve:static [-- <dir>] [-- --port N]`: serves an export (out/ by default) with `serve`, a
// plain static file server, sending the headers the README asks of a host (deploy/serve.json):
// the Content-Security-Policy and the cache policy. Loopback only, like every server here.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const portFlag = args.indexOf("--port");
const port = portFlag === -1 ? 3000 : Number(args[portFlag + 1]);
const dir = args.find((arg, index) => !arg.startsWith("--") && index !== portFlag + 1) ?? "out";
if (!Number.isInteger(port) || port <= 0) {
  console.error(`--port needs a port number, got "${args[portFlag + 1]}"`);
  process.exit(2);
}
if (!existsSync(dir)) console.warn(`${dir}/ does not exist yet: run npm run export first (serving 404s until then)`);

// serve reads --config relative to the directory it serves.
const config = path.relative(path.resolve(dir), path.resolve("deploy/serve.json"));
const server = spawn(
  process.execPath,
  [
    path.resolve("node_modules/serve/build/main.js"),
    dir,
    "--config",
    config,
    "--listen",
    `tcp://127.0.0.1:${port}`,
    "--no-clipboard",
    "--no-port-switching",
    "--no-request-logging",
  ],
  { stdio: "inherit", env: { ...process.env, NO_UPDATE_CHECK: "1" } },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
