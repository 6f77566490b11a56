import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * zod for code that may run in the browser: zod/mini, which a bundler can trim to the schemas and
 * checks a module uses (classic zod's chained methods cannot be trimmed: about 87 KiB gzip on every
 * page that validates, against about 25 KiB). Import it as a namespace, `import * as z from
 * "@/lib/site/zod"`: a `z` object passed around as a value would keep all of zod again.
 *
 * mini comes without messages; only the English locale is configured, so the others stay out of
 * the bundle. Left to itself, zod 4 also probes `Function("")` on its first object parse to decide
 * whether to compile faster parsers (mini shares that core); the site's Content-Security-Policy has
 * no 'unsafe-eval', so Chromium reports that probe as a violation in the console of every page
 * (e2e/csp.spec.ts). `jitless` skips it, and without eval the parsers give the same results. ESLint
 * sends every `zod` import in app/, components/ and lib/ through here, so both settings are in
 * place before any parse.
 */
config({ ...en(), jitless: true });

export * from "zod/mini";
