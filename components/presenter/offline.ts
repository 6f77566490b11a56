/** Must match public/present-sw.js. */
const CACHE = "course-presenter-v1";
const SCOPE = "/present/";

export type OfflineState = "unsupported" | "saving" | "ready" | "failed";

/** The page's own scripts and styles, read from its HTML (what a reload needs). */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]!);
}

/**
 * Registers the presenter's service worker and caches everything a reload needs: the presenter
 * and notes pages with their scripts and styles, every recording of the lesson, and whatever the
 * page has lazily loaded so far (the player chunk and its stylesheet).
 */
export async function saveForOffline(pages: string[], recordings: string[]): Promise<OfflineState> {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return "unsupported";
  try {
    await navigator.serviceWorker.register("/present-sw.js", { scope: SCOPE });
    const cache = await caches.open(CACHE);
    const urls = new Set<string>([...pages, ...recordings]);
    for (const page of pages) {
      const response = await fetch(page, { cache: "no-cache" });
      if (response.ok) for (const asset of assetsOf(await response.text())) urls.add(asset);
    }
    for (const entry of performance.getEntriesByType("resource")) {
      const url = new URL(entry.name);
      if (url.origin === location.origin && url.pathname.startsWith("/_next/static/")) urls.add(url.pathname);
    }
    await cache.addAll([...urls]);
    return "ready";
  } catch {
    return "failed";
  }
}
