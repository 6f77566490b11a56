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
    // Code that may reach the browser takes zod from lib/site/zod.ts, which sets mini's locale and keeps it from probing eval under the CSP.
    // Links between pages go through IntentLink, which prefetches on the reader's intent, not on scrolling into view.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/site/zod.ts", "components/layout/intent-link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["zod", "zod/mini"].map((name) => ({
              name,
              message:
                'Import * as z from "@/lib/site/zod" (zod/mini with English messages and without its eval probe, for the CSP).',
            })),
            {
              name: "next/link",
              message:
                'Import { IntentLink } from "@/components/layout/intent-link" (prefetches when the reader reaches for a link, not on load).',
            },
          ],
        },
      ],
    },
  },
]);
