import { spawnSync } from "node:child_process";

/**
 * Whether this machine has a Docker engine, for a Docker-backed spec (`what` names it). Under
 * CI=true a missing engine fails the run, since such a spec must run in CI; elsewhere the spec is
 * skipped and the skip is announced loudly.
 */
export function hasDockerEngine(what: string): boolean {
  const docker = process.env.DOCKER_BIN ?? "/usr/bin/docker";
  const found = spawnSync(docker, ["version", "--format", "{{.Server.Version}}"]).status === 0;
  if (!found && process.env.CI === "true")
    throw new Error(`CI=true but no Docker engine is reachable: the ${what} must run in CI.`);
  if (!found) console.warn(`\n*** SKIPPED the Docker-backed ${what}: no Docker engine is reachable. ***\n`);
  return found;
}
