import { readdirSync } from "node:fs";
import path from "node:path";

/** Every prerendered page of a build, as its route ("/", "/learn/…"), from the HTML files next build wrote. */
export function prerenderedRoutes(dist: string): string[] {
  const root = path.join(dist, "server", "app");
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) {
        const route = "/" + path.relative(root, full).replace(/\.html$/, "");
        if (!/\/_(not-found|global-error)$/.test(route)) routes.push(route === "/index" ? "/" : route);
      }
    }
  };
  walk(root);
  return routes.sort();
}
