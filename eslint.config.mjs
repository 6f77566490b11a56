import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "out-base-path/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "sandboxes/app/**",
    "sandboxes/**/node_modules/**",
    // The recorder's scratch space (base-image build contexts with npm inside).
    "sandboxes/.cache/**",
    "**/*.cast",
  ]),
  {
    // Code that may reach the browser takes zod from lib/site/zod.ts, which keeps it from probing eval under the CSP.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/site/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: 'Import { z } from "@/lib/site/zod" (zod without its eval probe, for the CSP).' },
          ],
        },
      ],
    },
  },
]);
