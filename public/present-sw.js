// @ts-check
/// <reference lib="webworker" />
/**
 * Presenter mode's service worker (scope /present/): every request a presenter page makes goes to
 * the network first and falls back to the copy cached on a previous load, so a talk survives a
 * projector room with no network. The page fills the cache itself (components/presenter/offline.ts).
 */
const CACHE = "course-presenter-v1";
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener("install", () => sw.skipWaiting());
sw.addEventListener("activate", (event) => event.waitUntil(sw.clients.claim()));

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== sw.location.origin) return;
  event.respondWith(
    fetch(request).then(
      (response) => {
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      },
      async () => (await caches.match(request, { ignoreVary: true })) ?? Response.error(),
    ),
  );
});
