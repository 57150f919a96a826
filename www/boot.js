// Loads the wasm app. Kept as a file (not inline) so the CSP can forbid inline scripts.
import init from './pkg/app.js';

// The built-in corpus's first files, fetched while the app's wasm downloads
// and compiles rather than after: the manifest, the catalog it names and,
// for an address that names no screen, the first document's catalog part
// or fragment and the passage files it names. The app takes each from this
// map once (tongwen-web's `fetch_bytes`) and fetches anything else itself,
// so a wrong guess costs one small file and never a wrong screen.
const early = (globalThis.tongwenEarly = new Map());
const fetchEarly = (url) => {
  const bytes = fetch(url).then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
  early.set(url, bytes);
  return bytes.then((b) => { try { return b && JSON.parse(new TextDecoder().decode(b)); } catch { return null; } });
};
if (!new URLSearchParams(location.search).has('corpus')) {
  (async () => {
    const dir = 'corpus/';
    const manifest = await fetchEarly(`${dir}manifest.json`);
    if (!manifest?.published) return;
    const catalog = await fetchEarly(dir + manifest.published);
    if (location.hash.length > 1 || !catalog?.documents) return;
    let fragment = catalog.documents.fragment?.[0];
    if (!fragment && catalog.parts?.length) fragment = (await fetchEarly(dir + catalog.parts[0]))?.documents?.fragment?.[0];
    if (typeof fragment !== 'string') return;
    for (const file of (await fetchEarly(dir + fragment))?.passage_files ?? []) fetchEarly(dir + file);
  })();
}

// The first views make dist prerendered (first-view.js chose which may
// show): the hidden ones go now, so the app's root is free to show when
// the one on screen goes, which is when the app's own first view is ready.
for (const view of document.querySelectorAll('.prerender')) {
  if (getComputedStyle(view).display === 'none') view.remove();
}
whenShown(() => { for (const view of document.querySelectorAll('.prerender')) view.remove(); });

init({ module_or_path: new URL('./pkg/app_bg.wasm', import.meta.url) }).catch((err) => {
  const p = document.createElement('p');
  p.className = 'fatal';
  p.textContent = `同文 could not start: ${err}`;
  document.body.append(p);
});

// Offline support: the service worker caches the site. It is registered
// once the first analysis is on screen, so its downloads never compete with
// the first view. When a new version has been deployed it waits; the reader
// chooses when to switch.
function whenShown(callback) {
  const shown = () => document.querySelector('.status[data-state="ready"], .status[data-state="failed"]');
  if (shown()) return callback();
  const observer = new MutationObserver(() => {
    if (shown()) { observer.disconnect(); callback(); }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}
if ('serviceWorker' in navigator) {
  whenShown(async () => {
    try {
      // The site's version names the worker: a new deployment is a new one.
      // Offline (no list to read), the worker this page has stays as it is.
      const list = await fetch('./precache.json', { cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
      const registration = list
        ? await navigator.serviceWorker.register(`./sw.js?v=${list.version}`)
        : (await navigator.serviceWorker.getRegistration()) ?? (await navigator.serviceWorker.register('./sw.js'));
      const offer = (worker) => {
        if (!worker || !navigator.serviceWorker.controller) return;
        const bar = document.createElement('p');
        bar.className = 'update-bar';
        bar.setAttribute('role', 'status');
        bar.textContent = document.documentElement.lang === 'zh-CN' ? '同文有新版本。' : 'A new version of tongwen is ready. ';
        const button = document.createElement('button');
        button.className = 'toggle';
        button.textContent = document.documentElement.lang === 'zh-CN' ? '重新载入' : 'Reload';
        button.addEventListener('click', () => worker.postMessage('skip-waiting'));
        bar.append(button);
        document.body.append(bar);
      };
      offer(registration.waiting);
      // What the page fetched before a service worker controlled it: the
      // worker caches it too (it caches what it serves from then on).
      navigator.serviceWorker.ready.then((ready) => {
        const fetched = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin) && !u.includes('?'));
        ready.active?.postMessage({ fetchedBefore: fetched });
      });
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => { if (worker.state === 'installed') offer(worker); });
      });
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (!reloading && document.querySelector('.update-bar')) { reloading = true; location.reload(); }
      });
    } catch (err) {
      console.info('tongwen works online only here:', err.message);
    }
  });
}
