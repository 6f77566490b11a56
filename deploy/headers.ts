/**
 * The headers a host sends with the static export: one policy, which deploy/serve.json (the e2e
 * suite's static server), deploy/nginx.conf + deploy/security-headers.conf (the course image) and
 * the README's "Hosting" section must each state exactly (deploy/hosting.test.ts compares them).
 */

/**
 * Everything comes from the site itself. 'unsafe-inline' in script-src because a static export
 * cannot carry a per-request nonce and Next streams each page's data in inline <script> tags; no
 * 'unsafe-eval', no other origin. Inline styles: shiki colours tokens with style attributes and
 * xterm adds its own <style>. connect-src allows a loopback live server (npm run demo:live) and
 * blob: (the presenter replays a finished live run from an in-memory cast).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self' blob: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Sent with every answer next to the CSP. */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

export const CACHE_POLICY = {
  /** /_next/static/…: Next names these files by their content, so a new build never reuses a name. */
  hashedAssets: "public, max-age=31536000, immutable",
  /**
   * Everything else: pages, /recordings/…, /screens/… and the service worker keep their names across builds
   * (a re-recording replaces stop-naive.cast in place, and the page's facts must match its cast),
   * so the browser revalidates each time; an unchanged file costs a 304.
   */
  revalidate: "no-cache",
} as const;
