// @ts-check
/// <reference lib="webworker" />
/**
 * Presenter mode's service worker (scope /present/): what a reload needs (the pages, Next's static
 * files, the recordings and their screens) comes from the network first, and from the copy cached on a previous
 * load when the network fails, answers with an error or is slow, so a talk survives a projector
 * room with no network or a bad one. The page fills the cache itself and names its build in this
 * script's URL (?v=, see components/presenter/offline.ts): each build has its own cache, and the
 * worker of a new build deletes the older ones.
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
