import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Unit tests import server-only modules directly; outside Next's server bundle the guard would throw.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.{ts,tsx}"],
    // The demo service in sandboxes/app is its own npm package with its own test runner.
    exclude: ["**/node_modules/**", "e2e/**", "sandboxes/app/**", ".next/**", ".next-*/**"],
    environment: "node",
    // The Docker-backed suites share container names and the engine: one test file at a time.
    fileParallelism: false,
  },
});
