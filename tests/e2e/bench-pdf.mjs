// PDFs in the browser for `make bench` (never part of `make test`): the
// typeset pages (target/typeset/pdf, or the committed fixtures) dropped
// onto the page at once; from the drop until the sources are shown, pdf.js
// reads every PDF in the worker's own pdf.js worker, the engine lays them
// out and finds their passages. Median of RUNS (default 3), each in a new
// browser context (pdf.js fetched cold).
//
//   node tests/e2e/bench-pdf.mjs [DIR_OF_PDFS]
import fs from 'node:fs';
import path from 'node:path';
import { start, ROOT, openReady, dropFiles } from './harness.mjs';

const runs = Number(process.env.RUNS || 3);
const built = path.join(ROOT, 'target/typeset/pdf');
const dir = process.argv[2] || (fs.existsSync(built) ? built : path.join(ROOT, 'tests/fixtures/typeset-pdf/pdf'));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
const h = await start();
const times = [];
let pages = 0;
for (let i = 0; i < runs; i++) {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await openReady(page, h.url);
  // From the drop: handing 13 MB to the page through the test's browser
  // protocol is not what a reader waits for.
  let t0;
  await dropFiles(page, files, { beforeDrop: () => { t0 = Date.now(); } });
  await page.locator('.status[data-state="ready"]', { hasText: `${files.length} sources` }).waitFor({ timeout: 600_000 });
  times.push(Date.now() - t0);
  pages = await page.locator('.source').count();
  await page.context().close();
}
await h.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`| ${files.length} PDFs dropped (${path.relative(ROOT, dir)}): read by pdf.js in the worker, laid out, passages found, shown | ${(median / 1000).toFixed(1)} s (${(files.length / median * 1000).toFixed(1)} PDFs/s) | ${(times[0] / 1000).toFixed(1)}–${(times[times.length - 1] / 1000).toFixed(1)} s | ${runs} runs, ${pages} sources |`);
