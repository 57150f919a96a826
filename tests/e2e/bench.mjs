// Browser benchmarks for `make bench` (never part of `make test`): cold
// navigation to the first highlighted paragraph on the seeds, median of 5.
import { start } from './harness.mjs';

const runs = Number(process.env.RUNS || 5);
const h = await start();
const times = [];
const longTasks = [];
for (let i = 0; i < runs + 1; i++) {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  // Count main-thread tasks over 100 ms from the first script on.
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 100) window.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
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
await h.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`| cold navigation to the first highlighted paragraph (seeds, new browser context each run) | ${median} ms | ${times[0]}–${times[times.length - 1]} ms | ${runs} runs |`);
const counts = longTasks.map((l) => l.length).sort((a, b) => a - b);
console.log(`| main-thread tasks over 100 ms while loading and analysing the seeds | ${counts[Math.floor(counts.length / 2)]} (median count) | longest ${Math.max(0, ...longTasks.flat())} ms | ${runs} runs |`);
