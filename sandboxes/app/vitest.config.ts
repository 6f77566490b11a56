import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The root `npm test` asks for a JSON report so it can add this package's counts to its totals.
    reporters: process.env.TEST_REPORT_FILE ? ["default", "json"] : ["default"],
    outputFile: process.env.TEST_REPORT_FILE,
  },
});
