import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { SANDBOXES_DIR } from "./bases";

export const ROLLING_DIR = path.join(SANDBOXES_DIR, "rolling");
export const HAPROXY_CONFIG = path.join(ROLLING_DIR, "haproxy.cfg");

/** The health-check settings the drain window depends on, as haproxy.cfg states them. */
export interface BalancerSettings {
  software: string;
  checkPath: string;
  expectStatus: number;
  intervalMs: number;
  fall: number;
  rise: number;
  retries: number;
}

const milliseconds = (value: string) =>
  value.endsWith("ms")
    ? Number(value.slice(0, -2))
    : value.endsWith("s")
      ? Number(value.slice(0, -1)) * 1000
      : Number(value);

/** Reads the settings from the config text itself, so the manifest cannot disagree with the file the balancer ran. */
export function balancerSettings(config: string, software: string): BalancerSettings {
  const find = (pattern: RegExp, what: string) => {
    const match = pattern.exec(config);
    if (!match?.[1]) throw new Error(`haproxy.cfg states no ${what}`);
    return match[1];
  };
  const defaultServer = find(/^\s*default-server\s+(.*)$/m, "default-server line");
  const option = (name: string) => {
    const value = new RegExp(`\\b${name}\\s+(\\S+)`).exec(defaultServer)?.[1];
    if (!value) throw new Error(`haproxy.cfg's default-server line states no ${name}`);
    return value;
  };
  return {
    software,
    checkPath: find(/^\s*option\s+httpchk\s+GET\s+(\S+)/m, "option httpchk GET <path>"),
    expectStatus: Number(find(/^\s*http-check\s+expect\s+status\s+(\d+)/m, "http-check expect status")),
    intervalMs: milliseconds(option("inter")),
    fall: Number(option("fall")),
    rise: Number(option("rise")),
    retries: Number(find(/^\s*retries\s+(\d+)/m, "retries")),
  };
}

/** The backend's servers as the config lists them: name → IPv4 address (the replicas' fixed addresses). */
export function backendServers(config: string): Record<string, string> {
  const servers: Record<string, string> = {};
  for (const match of config.matchAll(/^\s*server\s+(\S+)\s+(\d+\.\d+\.\d+\.\d+):\d+/gm))
    servers[match[1]!] = match[2]!;
  return servers;
}

export const readBalancerSettings = (software: string) =>
  balancerSettings(readFileSync(HAPROXY_CONFIG, "utf8"), software);

/** A backend server's state as the balancer sees it, simplified for the terminal and the chart. */
export type BackendState = "up" | "going-down" | "down" | "coming-up" | "absent";

/**
 * HAProxy's status column: "UP", "DOWN", "UP 1/2" (failing checks, still in rotation),
 * "DOWN 1/2" (passing checks, not yet in rotation), "MAINT (resolution)" (the name does not resolve:
 * no such container), "no check", "NOLB", "DRAIN".
 */
export function backendState(status: string): BackendState {
  if (/^UP \d+\/\d+/.test(status) || status === "NOLB" || status === "DRAIN") return "going-down";
  if (/^DOWN \d+\/\d+/.test(status)) return "coming-up";
  if (status.startsWith("UP")) return "up";
  if (status.startsWith("MAINT")) return "absent";
  return "down";
}

/** Parses `/stats;csv` into HAProxy's status text for each server of one backend, in config order. */
export function parseStatsCsv(csv: string, backend: string): Record<string, string> {
  const [header, ...rows] = csv.trim().split("\n");
  const columns = (header ?? "").replace(/^# /, "").split(",");
  const pxname = columns.indexOf("pxname");
  const svname = columns.indexOf("svname");
  const status = columns.indexOf("status");
  const states: Record<string, string> = {};
  for (const row of rows) {
    const cells = row.split(",");
    if (cells[pxname] !== backend || cells[svname] === "BACKEND") continue;
    states[cells[svname]!] = cells[status] ?? "";
  }
  return states;
}

/** One bounded read of the stats page; undefined when the balancer does not answer. */
export function readBackendStatuses(statsUrl: string, backend = "app"): Promise<Record<string, string> | undefined> {
  return new Promise((resolve) => {
    const request = http.get(`${statsUrl};csv`, { agent: false, timeout: 800 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve(response.statusCode === 200 ? parseStatsCsv(body, backend) : undefined));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(undefined));
  });
}
