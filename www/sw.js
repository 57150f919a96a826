// Offline: a versioned cache of the app shell, the wasm, the built-in
// corpus and the dictionary, filled at install; anything else of this site
// (idf.txt, another corpus directory) is cached the first time it loads.
// A new deployment installs beside the old one and takes over when the
// page asks (see boot.js), so a session never mixes two versions.
// VERSION and PRECACHE are written by `tongwen precache` (make dist and
// `tongwen build-site` run it).
const VERSION = 'dev';
const PRECACHE = ['./'];
const CACHE = `tongwen-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
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
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
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
