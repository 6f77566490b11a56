import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The MDX compiler runs esbuild at build time on the server; keep both out of the bundles.
  serverExternalPackages: ["mdx-bundler", "esbuild"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
