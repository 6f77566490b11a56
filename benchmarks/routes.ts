import { readdirSync } from "node:fs";
import path from "node:path";

/** The error pages Next writes next to the routes: not routes a learner opens. */
const ERROR_PAGE = /^\/(_not-found|_global-error|404)$/;

/** Every HTML page under `root`, as its route ("/", "/learn/…"); `_next/` holds assets, not pages. */
function htmlRoutes(root: string): string[] {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "_next") walk(full);
      } else if (entry.name.endsWith(".html")) {
        const route = "/" + path.relative(root, full).replace(/\.html$/, "");
        if (!ERROR_PAGE.test(route)) routes.push(route === "/index" ? "/" : route);
      }
    }
  };
  walk(root);
  return routes.sort();
}

/** Every prerendered page of a build, from the HTML files next build wrote. */
export const prerenderedRoutes = (dist: string) => htmlRoutes(path.join(dist, "server", "app"));

/** Every page of a static export: served without ".html", as deploy/serve.json asks. */
export const exportedRoutes = (exportDir: string) => htmlRoutes(exportDir);
