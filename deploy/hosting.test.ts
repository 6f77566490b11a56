import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_POLICY, CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./headers";

/**
 * One hosting policy (deploy/headers.ts), stated in four places a person or a server reads: the
 * e2e static server's serve.json, the image's nginx config, and the README. Each must say exactly it.
 */
const read = (file: string) => readFileSync(path.join(__dirname, "..", file), "utf8");

interface ServeRule {
  source: string;
  headers: { key: string; value: string }[];
}
const serveRules = (JSON.parse(read("deploy/serve.json")) as { headers: ServeRule[] }).headers;
const serveHeaders = (source: string) =>
  Object.fromEntries(serveRules.find((rule) => rule.source === source)?.headers.map((h) => [h.key, h.value]) ?? []);

/** The block of an nginx `location <path> { … }` (they hold no nested braces but `types`). */
function nginxLocation(config: string, location: string): string {
  const start = config.indexOf(`location ${location} {`);
  expect(start, `nginx.conf has a location ${location}`).toBeGreaterThan(-1);
  let depth = 0;
  for (let index = config.indexOf("{", start); index < config.length; index++) {
    if (config[index] === "{") depth++;
    if (config[index] === "}" && --depth === 0) return config.slice(start, index + 1);
  }
  throw new Error(`location ${location} is not closed`);
}

describe("the hosting headers say the same thing everywhere", () => {
  it("serve.json sends the security headers with everything, and each cache policy where it belongs", () => {
    expect(serveHeaders("**")).toEqual({ ...SECURITY_HEADERS, "Cache-Control": CACHE_POLICY.revalidate });
    expect(serveHeaders("**/_next/static/**")).toEqual({ "Cache-Control": CACHE_POLICY.hashedAssets });
  });

  it("nginx sends the same security headers in every location, and the same cache policies", () => {
    const snippet = read("deploy/security-headers.conf");
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(snippet).toContain(`add_header ${name} "${value}" always;`);
    const config = read("deploy/nginx.conf");
    const expected = {
      "/": CACHE_POLICY.revalidate,
      "/_next/static/": CACHE_POLICY.hashedAssets,
      "/recordings/": CACHE_POLICY.revalidate,
    };
    for (const [location, cache] of Object.entries(expected)) {
      const block = nginxLocation(config, location);
      expect(block).toContain("include /etc/nginx/security-headers.conf;");
      expect(block).toContain(`add_header Cache-Control "${cache}" always;`);
    }
  });

  it("the static hosts' _headers file sends the security headers everywhere and the immutable policy for hashed assets", () => {
    const rules = read("deploy/_headers")
      .split(/\n(?=\S)/)
      .filter((block) => block.startsWith("/"))
      .map((block) => block.trim().split("\n"));
    const headersOf = (pattern: string) =>
      Object.fromEntries(
        (rules.find(([path]) => path === pattern) ?? []).slice(1).map((line) =>
          line
            .trim()
            .split(/:\s(.*)/)
            .slice(0, 2),
        ),
      );
    expect(headersOf("/*")).toEqual(SECURITY_HEADERS);
    expect(headersOf("/_next/static/*")).toEqual({ "Cache-Control": CACHE_POLICY.hashedAssets });
  });

  it("the README's Hosting section gives the same policy", () => {
    const readme = read("README.md");
    const hosting = readme.slice(readme.indexOf("## Hosting"));
    expect(readme).toContain("## Hosting");
    expect(hosting).toContain(CONTENT_SECURITY_POLICY);
    expect(hosting).toContain(`| \`${CACHE_POLICY.hashedAssets}\``);
    expect(hosting).toContain(`| \`${CACHE_POLICY.revalidate}\``);
  });
});
