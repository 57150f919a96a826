// Browser benchmarks for `make bench` (never part of `make test`): cold
// navigation to the first highlighted paragraph on the seeds, median of 5.
import { start } from './harness.mjs';

const runs = Number(process.env.RUNS || 5);
const h = await start();
const times = [];
for (let i = 0; i < runs + 1; i++) {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  const t0 = Date.now();
  await page.goto(h.url);
  await page.locator('p.para mark.shared').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  if (i > 0) times.push(ms); // the first run warms the OS file cache
  await page.context().close();
}
await h.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`| cold navigation to the first highlighted paragraph (seeds, new browser context each run) | ${median} ms | ${times[0]}–${times[times.length - 1]} ms | ${runs} runs |`);
