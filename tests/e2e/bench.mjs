// Browser benchmarks for `make bench` (never part of `make test`): cold
// navigation to the first highlighted paragraph on the seeds, median of 5.
import fs from 'node:fs';
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
  big = { ms, long, heap };
  await page.context().close();
}
await h.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`| cold navigation to the first highlighted paragraph (seeds, new browser context each run) | ${median} ms | ${times[0]}–${times[times.length - 1]} ms | ${runs} runs |`);
const counts = longTasks.map((l) => l.length).sort((a, b) => a - b);
console.log(`| main-thread tasks over 100 ms while loading and analysing the seeds | ${counts[Math.floor(counts.length / 2)]} (median count) | longest ${Math.max(0, ...longTasks.flat())} ms | ${runs} runs |`);
if (big) {
  console.log(`| 10.9 MB corpus (1,747 files) loaded through the same path: navigation until analysed and shown | ${big.ms} ms | — | 1 run |`);
  console.log(`| main-thread tasks over 100 ms during it | ${big.long.length} | longest ${Math.max(0, ...big.long)} ms, total ${big.long.reduce((a, b) => a + b, 0)} ms | 1 run |`);
  console.log(`| page JS heap after it | ${(big.heap / 1048576).toFixed(0)} MB | — | 1 run |`);
}
