import type { NextConfig } from "next";
import { basePathFrom } from "./lib/site/base-path";

/**
 * `npm run export` (COURSE_EXPORT=1) writes a static site to out/ that any static host serves;
 * the default build keeps `next start`. COURSE_BASE_PATH hosts either under a path such as /course.
 */
const exporting = process.env.COURSE_EXPORT === "1";
const basePath = basePathFrom(process.env.COURSE_BASE_PATH);

const nextConfig: NextConfig = {
  // The MDX compiler runs esbuild at build time on the server; keep both out of the bundles.
  serverExternalPackages: ["mdx-bundler", "esbuild"],
  // Lets two builds (say, a dev server and the e2e build) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The site's CSS (about 11 KiB gzip) in each page's <head> instead of two stylesheet requests that block the first
  // paint: on a phone's network that is a round trip less before anything shows (Lighthouse FCP 0.91 → 0.86 s on `/`).
  // Turbopack's default CSS chunking put every component's CSS (the sandbox's, the exercise's…) in one chunk that every
  // page inlined: 43 kB on /progress, which uses 15. The graph algorithm splits chunks by the pages that use them, and
  // with the CSS inlined an extra chunk costs no request: /progress's HTML went from 140 to 54 kB, /practice's from
  // 166 to 80.
  experimental: { inlineCss: true, cssChunking: { type: "graph", requestCost: 0 } },
  reactStrictMode: true,
  ...(exporting ? { output: "export" as const } : {}),
  ...(basePath ? { basePath } : {}),
  // Next prefixes its own links and assets; plain <a>, fetch and the service worker's URLs read this.
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
};

export default nextConfig;
