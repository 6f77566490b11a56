/**
 * Hosting under a path (say https://example.org/course/): Next prefixes its own links and assets,
 * everything else (plain <a>, fetch, the presenter's service worker) goes through withBasePath.
 */

/** Checks COURSE_BASE_PATH at build time: "" (the root) or "/segment[/segment…]" with no trailing slash. */
export function basePathFrom(value: string | undefined): string {
  const trimmed = (value ?? "").trim().replace(/\/+$/, "");
  if (trimmed === "") return "";
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed))
    throw new Error(
      `COURSE_BASE_PATH must look like /course or /team/course (letters, digits, . _ ~ -), got "${value}"`,
    );
  return trimmed;
}

/** The path the site is hosted under, "" at the root; inlined at build time from next.config's env. */
export const BASE_PATH = process.env.NEXT_PUBLIC_BASE_PATH ?? "";

/** A root-relative path of this site (starting with "/") as the browser must request it. */
export function withBasePath(path: string): string {
  return `${BASE_PATH}${path}`;
}
