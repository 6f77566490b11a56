// @ts-check
/// <reference lib="webworker" />
/**
 * Presenter mode's service worker (scope /present/): what a reload needs (the pages, Next's static
 * files, the recordings and their screens) comes from the network first, and from the copy cached on a previous
 * load when the network fails, answers with an error or is slow, so a talk survives a projector
 * room with no network or a bad one. The page names its build in this script's URL (?v=, see
 * components/presenter/offline.ts) and sends the URLs a reload needs, which the worker stores: each
 * build has its own cache, and the worker of a new build deletes the older ones.
 */
const CACHE_PREFIX = "course-presenter-";
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const CACHE = `${CACHE_PREFIX}${new URL(sw.location.href).searchParams.get("v")}`;
/** Where the site is hosted ("/" or a base path such as "/course/"): this script sits at its root. */
const SITE_ROOT = new URL("./", sw.location.href).pathname;
/** A network slower than this is not waited out when a cached copy can answer. */
const NETWORK_TIMEOUT_MS = 3_000;

sw.addEventListener("install", () => sw.skipWaiting());
sw.addEventListener("activate", (event) =>
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await sw.clients.claim();
    })(),
  ),
);

/** Only what a reload needs: not the lesson pages Next prefetches from a presenter page, nor the icon. */
function needed(/** @type {Request} */ request) {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== sw.location.origin) return false;
  return (
    url.href.startsWith(sw.registration.scope) ||
    url.pathname.startsWith(`${SITE_ROOT}_next/static/`) ||
    url.pathname.startsWith(`${SITE_ROOT}recordings/`) ||
    url.pathname.startsWith(`${SITE_ROOT}screens/`)
  );
}

/**
 * The presenter page sends the URLs a reload needs ({ type: "save-for-offline", urls }) and a port
 * for the answer ({ saved: true | false }). The worker fetches and stores them, off the page's main
 * thread. Only URLs it would serve from the cache are stored.
 */
sw.addEventListener("message", (event) => {
  const { data } = event;
  const port = event.ports[0];
  if (data?.type !== "save-for-offline" || !port) return;
  event.waitUntil(
    (async () => {
      try {
        const urls = Array.isArray(data.urls) ? data.urls : [];
        const requests = urls
          .filter((url) => typeof url === "string")
          .map((url) => new Request(new URL(url, sw.location.href)))
          .filter(needed);
        const cache = await caches.open(CACHE);
        await Promise.all(requests.map((request) => save(cache, request)));
        port.postMessage({ saved: requests.length === urls.length });
      } catch {
        port.postMessage({ saved: false });
      }
    })(),
  );
});

/** A fresh copy when the network has one; offline (a reload in a room with no network), the copy already cached. */
async function save(/** @type {Cache} */ cache, /** @type {Request} */ request) {
  const response = await fetch(request).catch(() => undefined);
  if (response?.ok) return cache.put(request, response);
  if (!(await cache.match(request, { ignoreVary: true })))
    throw new Error(`${request.url} is neither online nor cached`);
}

sw.addEventListener("fetch", (event) => {
  if (needed(event.request)) event.respondWith(networkFirst(event));
});

async function networkFirst(/** @type {FetchEvent} */ event) {
  const request = event.request;
  const network = fetch(request);
  // A good answer is kept for next time, even one that arrives after the cached copy was served.
  event.waitUntil(
    network.then(
      (response) => {
        if (!response.ok) return;
        const copy = response.clone();
        return caches.open(CACHE).then((cache) => cache.put(request, copy));
      },
      () => {},
    ),
  );
  const timeout = /** @type {Promise<undefined>} */ (new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS)));
  const answer = await Promise.race([network.catch(() => undefined), timeout]);
  if (answer?.ok) return answer;
  const cached = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
  // Nothing cached: the network's own answer, an error page or a slow one, or its failure.
  return cached ?? answer ?? network;
}
