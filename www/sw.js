// Offline: a versioned cache of the app shell, the wasm, the built-in
// corpus and the dictionary, filled at install; anything else of this site
// (idf.txt, another corpus directory) is cached the first time it loads.
// A new deployment installs beside the old one and takes over when the
// page asks (see boot.js), so a session never mixes two versions.
// The version is in this script's URL (boot.js registers sw.js?v=<version>
// from precache.json), and the files to cache at install are listed in
// precache.json, which `tongwen precache` writes (make dist and
// `tongwen build-site` run it). A new version is a new script URL, so the
// browser installs it beside the old one.
const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const CACHE = `tongwen-${VERSION}`;
const LIST = './precache.json';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(LIST, { cache: 'no-store' });
    const files = response.ok ? (await response.json()).files : ['./'];
    await (await caches.open(CACHE)).addAll(files);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('tongwen-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  // Files the page fetched before this worker took it over (a large
  // published corpus's first fragments are not precached): cached now, so
  // what was read before is readable offline too.
  if (Array.isArray(event.data?.fetchedBefore)) {
    event.waitUntil((async () => {
      const cache = await caches.open(CACHE);
      for (const href of event.data.fetchedBefore) {
        const url = new URL(href, self.location.href);
        if (url.origin !== self.location.origin || url.pathname.endsWith('/precache.json') || (await cache.match(url))) continue;
        try {
          const response = await fetch(url);
          if (response.ok && response.type === 'basic') await cache.put(url, response);
        } catch {
          // Offline already: nothing to keep.
        }
      }
    })());
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The list says which version is current: always from the network.
  if (url.pathname.endsWith('/precache.json')) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page address with ?corpus=… is still the one app shell.
    const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    try {
      const response = await fetch(request);
      // Stored in the background: the page does not wait for the cache.
      if (response.ok && response.type === 'basic') event.waitUntil(cache.put(request, response.clone()));
      return response;
    } catch (error) {
      if (request.mode === 'navigate') {
        const shell = await cache.match('./');
        if (shell) return shell;
      }
      throw error;
    }
  })());
});
