import { screensUrl } from "@/lib/asciicast/screens-url";
import { withBasePath } from "@/lib/site/base-path";

/** Each build's cache is named `${CACHE_PREFIX}${version}`; must match public/present-sw.js. */
const CACHE_PREFIX = "course-presenter-";
const SCOPE = withBasePath("/present/");
const NEXT_STATIC = withBasePath("/_next/static/");

export type OfflineState = "unsupported" | "saving" | "ready" | "failed";

/**
 * The page's own scripts and styles, read from its HTML (what a reload needs). The CSS is inlined (next.config.ts):
 * its <style data-href> lists the stylesheets it holds, separated by spaces; they are in the build version too.
 */
export function assetsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
    .flatMap((match) => match[1]!.split(/\s+/))
    .filter((url) => url.startsWith(NEXT_STATIC));
}

/**
 * The build a set of pages belongs to: a digest of their scripts and styles, which Next names by
 * their content, so any deploy that changes the code gets a new cache (and the old one is deleted).
 */
export async function buildVersion(assets: string[]): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode([...new Set(assets)].sort().join("\n")),
  );
  return [...new Uint8Array(digest).slice(0, 6)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * How many URLs one `Cache.addAll` call takes. Chromium starts every fetch of an `addAll` in the
 * calling task: the presenter's ~60 URLs in one call blocked the main thread for 50 to 90 ms on
 * load (Lighthouse trace); six at a time keeps each task short.
 */
export const CACHE_BATCH_SIZE = 6;

/** Adds the URLs to the cache a batch at a time, each batch once the one before it is stored. */
export async function addInBatches(cache: Pick<Cache, "addAll">, urls: string[]): Promise<void> {
  for (let start = 0; start < urls.length; start += CACHE_BATCH_SIZE)
    await cache.addAll(urls.slice(start, start + CACHE_BATCH_SIZE));
}

/**
 * Registers the presenter's service worker for this build and caches everything a reload needs:
 * the presenter and notes pages with their scripts and styles, every recording of the lesson and its screens, and
 * whatever the page has lazily loaded so far (the player chunk and its stylesheet).
 */
export async function saveForOffline(pages: string[], recordings: string[]): Promise<OfflineState> {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return "unsupported";
  try {
    const assets: string[] = [];
    for (const page of pages) {
      const response = await fetch(page, { cache: "no-cache" });
      if (response.ok) assets.push(...assetsOf(await response.text()));
    }
    const version = await buildVersion(assets);
    await navigator.serviceWorker.register(withBasePath(`/present-sw.js?v=${version}`), { scope: SCOPE });
    const cache = await caches.open(`${CACHE_PREFIX}${version}`);
    const urls = new Set<string>([...pages, ...recordings, ...recordings.map(screensUrl), ...assets]);
    for (const entry of performance.getEntriesByType("resource")) {
      const url = new URL(entry.name);
      if (url.origin === location.origin && url.pathname.startsWith(NEXT_STATIC)) urls.add(url.pathname);
    }
    await addInBatches(cache, [...urls]);
    return "ready";
  } catch {
    return "failed";
  }
}
