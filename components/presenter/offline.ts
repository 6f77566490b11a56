import { screensUrl } from "@/lib/asciicast/screens-url";
import { withBasePath } from "@/lib/site/base-path";

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

/** The message that asks the worker to store URLs in its cache; must match public/present-sw.js. */
const SAVE_MESSAGE = "save-for-offline";
/** A worker that has not answered by then is taken as failed, so the status never stays at "saving". */
const SAVE_TIMEOUT_MS = 60_000;

/** Resolves once the worker is active (it activates itself on install), rejects if it is discarded. */
function activated(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (worker.state === "activated") resolve();
      else if (worker.state === "redundant") reject(new Error("the presenter's service worker was discarded"));
      else return;
      worker.removeEventListener("statechange", check);
    };
    worker.addEventListener("statechange", check);
    check();
  });
}

/**
 * Asks the worker to store the URLs. The worker fetches and stores them on its own thread: one
 * `Cache.addAll` of the presenter's ~60 URLs on the page blocked its main thread for 50 to 90 ms
 * (Lighthouse trace), and even six at a time took 20 to 30 ms per call.
 */
export function askWorkerToSave(
  worker: { postMessage(message: unknown, transfer: Transferable[]): void },
  urls: string[],
  timeoutMs = SAVE_TIMEOUT_MS,
): Promise<OfflineState> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => settle("failed"), timeoutMs);
    function settle(state: OfflineState) {
      clearTimeout(timer);
      channel.port1.close();
      resolve(state);
    }
    channel.port1.onmessage = (event: MessageEvent<{ saved?: unknown }>) =>
      settle(event.data?.saved === true ? "ready" : "failed");
    worker.postMessage({ type: SAVE_MESSAGE, urls }, [channel.port2]);
  });
}

/**
 * Registers the presenter's service worker for this build and has it cache everything a reload needs:
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
    const registration = await navigator.serviceWorker.register(withBasePath(`/present-sw.js?v=${version}`), {
      scope: SCOPE,
    });
    // Registering the same URL again does not look for a changed script; a deploy that changed only
    // the worker (not the page's scripts, which name the version) would leave the old one answering.
    await registration.update().catch(() => {}); // offline: the worker already installed is the one to ask
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (!worker) return "failed";
    await activated(worker);
    const urls = new Set<string>([...pages, ...recordings, ...recordings.map(screensUrl), ...assets]);
    for (const entry of performance.getEntriesByType("resource")) {
      const url = new URL(entry.name);
      if (url.origin === location.origin && url.pathname.startsWith(NEXT_STATIC)) urls.add(url.pathname);
    }
    return await askWorkerToSave(worker, [...urls]);
  } catch {
    return "failed";
  }
}
