import { z } from "zod";

/**
 * zod for code that may run in the browser. Left to itself, zod 4 probes `Function("")` on its
 * first object parse to decide whether to compile faster parsers; the site's Content-Security-Policy
 * has no 'unsafe-eval', so Chromium reports that probe as a violation in the console of every page
 * (e2e/csp.spec.ts). Without eval the parsers give the same results. ESLint sends every `zod`
 * import in app/, components/ and lib/ through here, so the setting is in place before any parse.
 */
z.config({ jitless: true });

export { z };
