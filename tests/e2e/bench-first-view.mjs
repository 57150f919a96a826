// The first view, as issue 16 measures it (`make bench`, never `make test`):
// cold runs in a new browser context each, the time by the page's own
// clock (a MutationObserver stamps the moment the first
// `p.para mark.shared` enters the page, in ms since navigation began), and
// the gzipped bytes of every request sent before it (FIRST=selector
// changes what counts as shown). Then, on the same
// site, opening other sources, each until its first paragraph shows.
//
//   node tests/e2e/bench-first-view.mjs [SITE_DIR] [LABEL]
//
// Prints Markdown table rows.
import zlib from 'node:zlib';
import path from 'node:path';
import { start, ROOT } from './harness.mjs';

const dir = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const label = process.argv[3] || path.basename(dir);
const runs = Number(process.env.RUNS || 5);
// What counts as shown: the seeds' first article has a highlight; a
// synthetic corpus's first article may share nothing (FIRST=p.para).
const shown = process.env.FIRST || 'p.para mark.shared';
const h = await start({ dir });

/**
 * One cold navigation: when the first `shown` entered the page (ms by the
 * page's clock), the gzipped KB and the requests sent before, and the same
 * for the app's own first view (its status `ready`). The seeds' first view
 * is prerendered into index.html (scripts/prerender.mjs); the app replaces
 * it when it is ready, so both moments are recorded.
 */
async function coldRun() {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript((shown) => {
    new MutationObserver((_, observer) => {
      if (!window.__firstMark && document.querySelector(shown)) window.__firstMark = performance.now();
      if (!window.__appReady && document.querySelector('.status[data-state="ready"]')) window.__appReady = performance.now();
      if (window.__firstMark && window.__appReady) observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  }, shown);
  const all = [];
  page.context().on('requestfinished', (r) => all.push(r));
  await page.goto(h.url);
  await page.locator(shown).first().waitFor({ timeout: 120_000 });
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 120_000 });
  const { ms, ready, origin } = await page.evaluate(() => ({ ms: window.__firstMark, ready: window.__appReady, origin: performance.timeOrigin }));
  await page.waitForTimeout(1000); // later requests finish, to be left out
  const before = async (stamp) => {
    let gzip = 0;
    let count = 0;
    let worker = 0;
    for (const r of all) {
      if (r.timing().startTime >= origin + stamp) continue;
      // The local server sends files as they are; GitHub Pages gzips them.
      const body = await (await r.response())?.body().catch(() => null);
      const size = body ? zlib.gzipSync(body).length : 0;
      if (process.env.DETAIL) console.error(`${(size / 1024).toFixed(1)} KB ${r.url()}`);
      gzip += size;
      count += 1;
      if (/worker|\/dict\//.test(r.url())) worker += 1;
    }
    return { kb: gzip / 1024, count, worker };
  };
  return { page, ms, ...(await before(ms)), ready, app: await before(ready) };
}

const cold = [];
let warm = null;
for (let i = 0; i < runs; i++) {
  const run = await coldRun();
  cold.push(run);
  if (i < runs - 1) await run.page.context().close();
  else warm = run.page;
}
// Opening other sources in the last run's page, each until its first
// paragraph is on screen (its fragment fetched if it had not come yet).
const opens = [];
const sources = await warm.locator('button.source').count();
for (const k of [1, Math.floor(sources / 2), sources - 1].filter((k, i, a) => k > 0 && a.indexOf(k) === i)) {
  // By the page's clock: from the click to the moment the source's own
  // article (its id starts with the document's) shows a paragraph.
  const button = warm.locator('button.source').nth(k);
  const doc = await button.getAttribute('title');
  await warm.evaluate((doc) => {
    window.__clicked = null;
    window.__opened = null;
    document.addEventListener('click', () => { window.__clicked ??= performance.now(); }, { once: true, capture: true });
    const shown = () => !document.querySelector('.loading[role=status]') && [...document.querySelectorAll('article.article p.para')].some((p) => p.closest('article').dataset.article.startsWith(`${doc}#`));
    new MutationObserver((_, observer) => {
      if (window.__clicked && shown()) {
        window.__opened = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, doc);
  await button.click();
  await warm.waitForFunction(() => window.__opened, null, { timeout: 60_000 });
  opens.push(await warm.evaluate(() => window.__opened - window.__clicked));
}
// Searches (SEARCH=word,word…; a published corpus's chunked index): from
// typing the word to its results on screen, and the gzipped bytes the page
// fetched (the service worker's own requests for the same files left out:
// each is the network side of one the page made).
const searches = [];
for (const q of (process.env.SEARCH || '').split(',').filter(Boolean)) {
  const during = [];
  const listen = (r) => r.serviceWorker() || during.push(r);
  warm.context().on('requestfinished', listen);
  // By the page's clock, as the first view: from the input event the
  // typing fires to the moment the results' status enters the page (a
  // waitFor resolved about 100 ms later here, while fragments came in).
  await warm.evaluate((q) => {
    window.__typed = null;
    window.__results = null;
    document.querySelector('#search').addEventListener('input', () => { window.__typed ??= performance.now(); }, { once: true, capture: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector(`.search-view[data-query="${q}"] h2[role=status]`)) {
        window.__results = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, q);
  await warm.locator('#search').fill(q);
  await warm.locator(`.search-view[data-query="${q}"] h2[role=status]`).waitFor({ timeout: 60_000 });
  const ms = await warm.evaluate(() => window.__results - window.__typed);
  await warm.waitForTimeout(500);
  warm.context().off('requestfinished', listen);
  let kb = 0;
  for (const r of during) {
    const body = await (await r.response())?.body().catch(() => null);
    kb += body ? zlib.gzipSync(body).length / 1024 : 0;
  }
  searches.push({ q, ms, kb, n: during.length });
}
await h.close();

const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const span = (v, d = 0) => `${Math.min(...v).toFixed(d)}–${Math.max(...v).toFixed(d)}`;
const ms = cold.map((r) => r.ms);
const kb = cold.map((r) => r.kb);
console.log(`| ${label}: first \`${shown}\` on screen, cold (page clock) | ${med(ms).toFixed(0)} ms | ${span(ms)} ms | ${runs} runs |`);
console.log(`| ${label}: gzipped bytes of the requests sent before it | ${med(kb).toFixed(0)} KB in ${med(cold.map((r) => r.count))} requests | ${span(kb)} KB; ${Math.max(...cold.map((r) => r.worker))} for the worker or dictionary | ${runs} runs |`);
const ready = cold.map((r) => r.ready);
console.log(`| ${label}: the app's own first view ready (replacing a prerendered one), cold (page clock) | ${med(ready).toFixed(0)} ms | ${span(ready)} ms | ${runs} runs |`);
console.log(`| ${label}: gzipped bytes of the requests sent before the app was ready | ${med(cold.map((r) => r.app.kb)).toFixed(0)} KB in ${med(cold.map((r) => r.app.count))} requests | ${span(cold.map((r) => r.app.kb))} KB; ${Math.max(...cold.map((r) => r.app.worker))} for the worker or dictionary | ${runs} runs |`);
console.log(`| ${label}: opening another source until its text shows (${opens.length} sources) | ${med(opens).toFixed(0)} ms | ${span(opens)} ms | 1 run each |`);
for (const { q, ms, kb, n } of searches) {
  console.log(`| ${label}: search for ${q}, typing to results on screen | ${ms.toFixed(0)} ms | ${(kb).toFixed(0)} KB gzipped in ${n} requests | 1 run |`);
}
