import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The MDX compiler runs esbuild at build time on the server; keep both out of the bundles.
  serverExternalPackages: ["mdx-bundler", "esbuild"],
  // Lets two builds (say, a dev server and the e2e build) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
