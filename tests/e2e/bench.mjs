// Browser benchmarks for `make bench` (never part of `make test`): cold
// navigation to the first highlighted paragraph on the seeds, median of 5.
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { start, ROOT } from './harness.mjs';

const runs = Number(process.env.RUNS || 5);

/** Records main-thread tasks over 100 ms in `window.__long`, from the first script on. */
async function countLongTasks(page) {
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 100) window.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}
const h = await start();
const times = [];
const longTasks = [];
for (let i = 0; i < runs + 1; i++) {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await countLongTasks(page);
  const t0 = Date.now();
  await page.goto(h.url);
  await page.locator('p.para mark.shared').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  if (i > 0) {
    times.push(ms); // the first run warms the OS file cache
    longTasks.push(await page.evaluate(() => window.__long));
  }
  await page.context().close();
}
// A 10 MB corpus through the same loading path (written by `make bench`
// into dist/bench-corpus): time to the first highlight and long tasks.
let big = null;
if (fs.existsSync(path.join(ROOT, 'dist/bench-corpus/manifest.json'))) {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await countLongTasks(page);
  const t0 = Date.now();
  await page.goto(`${h.url}?corpus=bench-corpus/`);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 300_000 });
  const ms = Date.now() - t0;
  const long = await page.evaluate(() => window.__long);
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  // Search latency once words are indexed: typing a query until its
  // results are on screen (worker search, transfer and render).
  await page.locator('.keywords .keyword').first().waitFor({ timeout: 300_000 });
  const search = [];
  for (const q of ['合作', '发展', '中国', '经济', '人民', '的', '建设项目', '习近平']) {
    search.push(await page.evaluate((q) => new Promise((resolve) => {
      const input = document.querySelector('#search');
      const t0 = performance.now();
      const done = () => document.querySelector(`.search-view[data-query="${q}"]`);
      const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve([performance.now() - t0, Number(done().dataset.ms)]); } });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      input.value = q;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }), q));
  }
  big = { ms, long, heap, search };
  await page.context().close();
}
// Segmentation peers on the same 1 MiB text (written by the segment_bench
// example): tongwen's worker against the npm jieba-wasm, same browser.
let seg = null;
if (fs.existsSync(path.join(ROOT, 'dist/bench-text.txt'))) {
  fs.cpSync(path.join(ROOT, 'node_modules/jieba-wasm/pkg/web'), path.join(ROOT, 'dist/bench-jieba-wasm'), { recursive: true });
  const page = await h.newPage();
  await page.goto(`${h.url}dict/README.md`); // same origin, no CSP: a blank page for scripts
  seg = await page.evaluate(async () => {
    const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    const text = await (await fetch('../bench-text.txt')).text();
    const decode = (e) => JSON.parse(new TextDecoder().decode(e.data));
    /** A tongwen worker, driven through its message protocol. */
    async function tongwenWorker() {
      const w = new Worker('../worker-loader.js', { type: 'module' });
      await new Promise((r) => { w.onmessage = (e) => { if (decode(e) === 'Ready') r(); }; });
      return {
        segment: (t) => new Promise((r) => {
          const t0 = performance.now();
          w.onmessage = (e) => { const u = decode(e); if (u.Segmented) r({ ms: performance.now() - t0, ...u.Segmented }); };
          w.postMessage({ Segment: t });
        }),
        close: () => w.terminate(),
      };
    }
    // Dictionary init: a fresh worker each run (the dictionary itself comes from the HTTP cache).
    const inits = [];
    for (let i = 0; i < 6; i++) {
      const w = await tongwenWorker();
      inits.push((await w.segment('测试')).init_ms);
      w.close();
    }
    const w = await tongwenWorker();
    await w.segment('测试');
    const tw = [];
    let words = 0;
    for (let i = 0; i < 6; i++) {
      const r = await w.segment(text);
      words = r.words.length;
      if (i > 0) tw.push(r.ms);
    }
    w.close();
    const jw = await import('../bench-jieba-wasm/jieba_rs_wasm.js');
    const t0 = performance.now();
    await jw.default();
    jw.cut('测试', true);
    const jinit = performance.now() - t0;
    const jt = [];
    let jwords = 0;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      jwords = jw.cut(text, true).length;
      if (i > 0) jt.push(performance.now() - t);
    }
    return { bytes: new TextEncoder().encode(text).length, init: inits.slice(1), tongwen: tw, words, jieba: jt, jwords, jinit };
  });
  await page.context().close();
}

// Bytes over the wire before the first highlighted paragraph (page and
// worker requests), and how much of it is the dictionary.
let transfer = null;
{
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  // Requests that started before the first highlight was in the page, by
  // the page's own clock (wall time, as Playwright's request timings are).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('p.para mark.shared')) {
        window.__firstMark = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  const all = [];
  page.context().on('requestfinished', (r) => all.push(r));
  await page.goto(h.url);
  await page.locator('p.para mark.shared').first().waitFor({ timeout: 60_000 });
  const shown = await page.evaluate(() => window.__firstMark);
  await page.waitForTimeout(3000); // let later requests finish, to be left out
  const before = [];
  for (const r of all) {
    if (r.timing().startTime >= shown) continue;
    const sizes = await r.sizes().catch(() => null);
    // The local server sends files as they are; GitHub Pages gzips them.
    const body = await (await r.response())?.body().catch(() => null);
    if (sizes) before.push({ url: r.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, gzip: body ? zlib.gzipSync(body).length : 0 });
  }
  transfer = {
    bytes: before.reduce((a, d) => a + d.bytes, 0),
    gzip: before.reduce((a, d) => a + d.gzip, 0),
    worker: before.filter((d) => /worker|\/dict\//.test(d.url)).length,
    dict: before.filter((d) => d.url.includes('/dict/')).reduce((a, d) => a + d.bytes, 0),
    requests: before.length,
  };
  await page.context().close();
}

// The seeds analyzed in a worker driven through its protocol: 1 warm-up, 5 runs.
let seedsInWorker = null;
{
  const page = await h.newPage();
  await page.goto(`${h.url}dict/README.md`);
  seedsInWorker = await page.evaluate(async (runs) => {
    const manifest = await (await fetch('../corpus/manifest.json')).json();
    const files = [];
    for (const d of manifest.documents) files.push({ id: d.file, bytes: new Uint8Array(await (await fetch(`../corpus/${d.file}`)).arrayBuffer()) });
    const decode = (e) => JSON.parse(new TextDecoder().decode(Array.isArray(e.data) ? e.data[0] : e.data));
    const w = new Worker('../worker-loader.js', { type: 'module' });
    await new Promise((r) => { w.onmessage = (e) => { if (decode(e) === 'Ready') r(); }; });
    const times = [];
    let passages = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      passages = 0;
      await new Promise((r) => {
        w.onmessage = (e) => {
          const u = decode(e);
          if (u === 'Done') r();
          else if (u && u.Passages) passages += u.Passages.length;
        };
        w.postMessage({ Analyze: { files, min_len: 20, boilerplate: false } });
      });
      if (i > 0) times.push(performance.now() - t0);
    }
    w.terminate();
    return { times, passages, heap: performance.memory?.usedJSHeapSize ?? 0 };
  }, runs);
  await page.context().close();
}

// The 10 MB corpus through the path of user files: dropped onto the page,
// stored in IndexedDB, analyzed in the worker, shown. A fresh browser
// context each run; 5 runs.
let dropped = null;
const benchDir = path.join(ROOT, 'dist/bench-corpus');
if (fs.existsSync(path.join(benchDir, 'manifest.json')) && !process.env.SKIP_DROP) {
  const files = JSON.parse(fs.readFileSync(path.join(benchDir, 'manifest.json'))).documents.map((d) => [d.file, fs.readFileSync(path.join(benchDir, d.file), 'latin1')]);
  const total = files.reduce((a, f) => a + Buffer.byteLength(f[1], 'latin1'), 0);
  dropped = { runs: [], long: [], heap: [], total, count: files.length };
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
    await countLongTasks(page);
    await page.goto(h.url);
    await page.locator('.status[data-state="ready"]').waitFor({ timeout: 60_000 });
    const transferHandle = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const [name, latin1] of files) dt.items.add(new File([Uint8Array.from(latin1, (c) => c.charCodeAt(0))], name));
      return dt;
    }, files);
    await page.evaluate(() => { window.__long = []; });
    const t0 = Date.now();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transferHandle });
    await page.locator('.status[data-state="ready"]', { hasText: `${files.length} sources` }).waitFor({ timeout: 300_000 });
    dropped.runs.push(Date.now() - t0);
    dropped.passages = Number((await page.locator('.status').innerText()).match(/(\d+) shared passages?/)?.[1] ?? 0);
    dropped.long.push(await page.evaluate(() => window.__long));
    dropped.heap.push(await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0));
    await page.context().close();
  }
}

await h.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`| cold navigation to the first highlighted paragraph (seeds, new browser context each run) | ${median} ms | ${times[0]}–${times[times.length - 1]} ms | ${runs} runs |`);
const counts = longTasks.map((l) => l.length).sort((a, b) => a - b);
console.log(`| main-thread tasks over 100 ms while loading and analyzing the seeds | ${counts[Math.floor(counts.length / 2)]} (median count) | longest ${Math.max(0, ...longTasks.flat())} ms | ${runs} runs |`);
if (big) {
  console.log(`| 10.9 MB corpus (1,747 files) loaded through the same path: navigation until analyzed and shown | ${big.ms} ms | — | 1 run |`);
  console.log(`| main-thread tasks over 100 ms during it | ${big.long.length} | longest ${Math.max(0, ...big.long)} ms, total ${big.long.reduce((a, b) => a + b, 0)} ms | 1 run |`);
  console.log(`| page JS heap after it | ${(big.heap / 1048576).toFixed(0)} MB | — | 1 run |`);
  for (const [k, what] of [[1, 'search in the worker, per query (index built; 8 queries, 合作 … 的)'], [0, 'typing a query until its results are on screen (search, transfer, render)']]) {
    const sorted = big.search.map((x) => x[k]).sort((a, b) => a - b);
    console.log(`| ${what} | ${sorted[4].toFixed(1)} ms | ${sorted[0].toFixed(1)}–${sorted[7].toFixed(1)} ms | 8 queries, 10.9 MB |`);
  }
}
if (seg) {
  const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const range = (v) => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)} ms`;
  const mb = seg.bytes / 1048576;
  console.log(`| jieba dictionary init in the worker (Jieba::with_dict on the fetched dict.txt, fresh worker) | ${med(seg.init).toFixed(0)} ms | ${range(seg.init)} | 5 runs |`);
  console.log(`| npm jieba-wasm 2.4.0 start-up (wasm init + first cut, embedded dictionary) | ${seg.jinit.toFixed(0)} ms | — | 1 run |`);
  console.log(`| segmenting ${mb.toFixed(2)} MiB, tongwen worker (round trip, words returned) | ${med(seg.tongwen).toFixed(0)} ms (${(mb / med(seg.tongwen) * 1000).toFixed(1)} MB/s) | ${range(seg.tongwen)} | 5 runs, ${seg.words} words |`);
  console.log(`| the same text, npm jieba-wasm \`cut(text, true)\` on the page | ${med(seg.jieba).toFixed(0)} ms (${(mb / med(seg.jieba) * 1000).toFixed(1)} MB/s) | ${range(seg.jieba)} | 5 runs, ${seg.jwords} words |`);
  console.log(`| tongwen ÷ jieba-wasm throughput | ${(med(seg.jieba) / med(seg.tongwen)).toFixed(2)}× | — | target ≥ 1.0× |`);
}

const mm = (v) => { const s = [...v].sort((a, b) => a - b); return [s[Math.floor(s.length / 2)], s[0], s[s.length - 1]]; };
if (transfer) {
  console.log(`| bytes transferred before the first highlighted paragraph (page and worker, headers included) | ${(transfer.bytes / 1024).toFixed(0)} KB in ${transfer.requests} requests | dictionary: ${(transfer.dict / 1024).toFixed(0)} KB (${(100 * transfer.dict / transfer.bytes).toFixed(0)} %) | 1 run |`);
  console.log(`| the same requests gzipped, as GitHub Pages sends them (target ≤ 400 KB) | ${(transfer.gzip / 1024).toFixed(0)} KB | ${transfer.worker} of them for the worker or dictionary (target 0) | 1 run |`);
}
if (seedsInWorker) {
  const [m, lo, hi] = mm(seedsInWorker.times);
  console.log(`| analysis of the seeds (5 pages, 104 KB) in the worker, through its message protocol | ${m.toFixed(0)} ms | ${lo.toFixed(0)}–${hi.toFixed(0)} ms | 5 runs; page JS heap ${(seedsInWorker.heap / 1048576).toFixed(0)} MB |`);
  console.log(`| passages per second in the worker, seeds (${seedsInWorker.passages} passages, whole analysis) | ${(seedsInWorker.passages / m * 1000).toFixed(0)} /s | — | 5 runs |`);
}
if (dropped) {
  const [m, lo, hi] = mm(dropped.runs);
  const longs = dropped.long.map((l) => l.length);
  console.log(`| ${(dropped.total / 1048576).toFixed(1)} MB (${dropped.count} files) dropped onto the page: stored in IndexedDB, analyzed in the worker, shown | ${(m / 1000).toFixed(1)} s | ${(lo / 1000).toFixed(1)}–${(hi / 1000).toFixed(1)} s | ${dropped.runs.length} runs |`);
  console.log(`| main-thread tasks over 100 ms during that | ${mm(longs)[0]} (median count) | longest ${Math.max(0, ...dropped.long.flat())} ms | ${dropped.runs.length} runs |`);
  console.log(`| page JS heap after it | ${(mm(dropped.heap)[0] / 1048576).toFixed(0)} MB | — | ${dropped.runs.length} runs |`);
  console.log(`| passages per second in the worker, that corpus (${dropped.passages} passages, drop to shown) | ${(dropped.passages / m * 1000).toFixed(0)} /s | — | ${dropped.runs.length} runs |`);
}
