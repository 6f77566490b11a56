// `npm run export [-- --base-path /course] [-- --into DIR]`: the static site, ready for any static host.
//   no base path  → out/              (serve it at the host's root)
//   --base-path P → out-base-path/P/  (serve out-base-path/ at the root, so the site answers under P/)
//   --into DIR    → DIR/ or DIR/P/ instead (the course image exports into /site)
// Next always exports to out/; the result is moved under its path so a plain static server (and
// the e2e suite) serves it exactly as a host would.
import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

function option(name) {
  const at = process.argv.indexOf(name);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (!value || value.startsWith("--")) {
    console.error(`${name} needs a value`);
    process.exit(2);
  }
  return value;
}

const basePath = option("--base-path") ?? "";
if (basePath && !basePath.startsWith("/")) {
  console.error(`--base-path needs a path starting with "/", e.g. /course (got "${basePath}")`);
  process.exit(2);
}
const into = path.resolve(option("--into") ?? (basePath ? "out-base-path" : "out"));

const build = spawnSync("npx", ["next", "build"], {
  stdio: "inherit",
  env: { ...process.env, COURSE_EXPORT: "1", COURSE_BASE_PATH: basePath, NEXT_TELEMETRY_DISABLED: "1" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const target = path.join(into, ...basePath.split("/").filter(Boolean));
if (target !== path.resolve("out")) {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync("out", target);
}
const served = path.relative(process.cwd(), into) || ".";
console.log(
  `exported to ${path.relative(process.cwd(), target)}/: serve ${served}/ at the host's root (npm run serve:static -- ${served})`,
);
