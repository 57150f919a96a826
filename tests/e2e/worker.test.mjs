// The analysis worker: cancelling stops it, a crash is reported and
// recovered from, and the page keeps working throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, ROOT, openSettings } from './harness.mjs';

let h;
let site;
before(async () => {
  // The built site plus a corpus big enough to still be analyzing when
  // Cancel is pressed: 150 long pages of varied CJK text, about 13 MB
  // (few files, so the test spends its time analysing, not fetching).
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'tongwen-e2e-'));
  fs.cpSync(path.join(ROOT, 'dist'), site, { recursive: true });
  const dir = path.join(site, 'slow');
  fs.mkdirSync(dir);
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const documents = [];
  for (let f = 0; f < 150; f++) {
    const lines = [];
    for (let l = 0; l < 1500; l++) {
      let line = '';
      for (let c = 0; c < 20; c++) line += String.fromCodePoint(0x4e00 + Math.floor(rand() * 3000));
      lines.push(l % 9 === 8 ? `${line}。` : line);
    }
    const file = `${String(f).padStart(5, '0')}.txt`;
    fs.writeFileSync(path.join(dir, file), lines.join('\n'));
    documents.push({ file });
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ documents }));
  // And 250 tiny pages, more than the sidebar lists at once.
  const many = path.join(site, 'many');
  fs.mkdirSync(many);
  const small = [];
  for (let f = 0; f < 250; f++) {
    const file = `${String(f).padStart(3, '0')}.txt`;
    fs.writeFileSync(path.join(many, file), `第${f}号消息\n\n本报讯 今天是第${f}个晴天。\n`);
    small.push({ file });
  }
  fs.writeFileSync(path.join(many, 'manifest.json'), JSON.stringify({ documents: small }));
  h = await start({ dir: site });
});
after(async () => {
  await h?.close();
  fs.rmSync(site, { recursive: true, force: true });
});

/** Watches `worker` from now on; `await watch.gone()` resolves once it has
 * been terminated and fails if that takes more than 10 s from the call. */
function closed(worker) {
  const closing = new Promise((resolve) => worker.once('close', resolve));
  return {
    gone: () => Promise.race([closing, new Promise((_, reject) => setTimeout(() => reject(new Error('the worker is still running')), 10_000).unref())]),
  };
}

test('the built-in corpus shows its first highlight before any worker is started, then one starts for words', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  // The page's own clock: when the first highlight enters the DOM, and
  // when the page first constructs a Worker.
  await page.addInitScript(() => {
    window.__stamps = {};
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(...args) {
        window.__stamps.worker ??= performance.now();
        super(...args);
      }
    };
    new MutationObserver(() => {
      if (!window.__stamps.highlight && document.querySelector('p.para mark.shared')) window.__stamps.highlight = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(h.url);
  await page.locator('p.para mark.shared').first().waitFor();
  // Then words, which need the worker and the dictionary: keywords appear.
  await page.locator('.keywords .keyword').first().waitFor({ timeout: 30_000 });
  const stamps = await page.evaluate(() => window.__stamps);
  assert.ok(stamps.highlight > 0 && stamps.worker > 0, JSON.stringify(stamps));
  assert.ok(stamps.worker > stamps.highlight, `the worker started at ${stamps.worker} ms, the first highlight was at ${stamps.highlight} ms`);
  assert.deepEqual(page.problems, []);
});

test('Cancel stops the busy worker itself, and the next analysis runs in a fresh one', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  const firstWorker = page.waitForEvent('worker');
  await page.goto(`${h.url}?corpus=slow/`);
  const busy = await firstWorker;
  const gone = closed(busy);
  await page.locator('button.cancel').click({ timeout: 30_000 });
  await page.locator('.status[data-state="failed"]', { hasText: 'Cancelled' }).waitFor();
  await gone.gone(); // terminated, not left computing in the background
  assert.equal(await page.locator('progress').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('a crashed worker is reported, replaced, and the corpus is kept', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  const title = await page.locator('h2.article-title').innerText();
  // The worker starts after the first paint, for words: wait for it.
  const old = page.workers()[0] ?? await page.waitForEvent('worker');
  const gone = closed(old);
  const replacement = page.waitForEvent('worker');
  // An uncaught error inside the worker, as a panic or out-of-memory would be.
  await old.evaluate(() => setTimeout(() => { throw new Error('simulated crash'); }));
  await page.locator('.status[data-state="crashed"]', { hasText: 'simulated crash' }).waitFor();
  await gone.gone();
  await replacement;
  // Still reading the same article; the next analysis runs in the new worker.
  assert.equal(await page.locator('h2.article-title').innerText(), title);
  await openSettings(page);
  await page.fill('#min-len', '40');
  await page.locator('#min-len').press('Enter');
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  assert.ok(await page.locator('article.article mark.shared').count() > 0);
  assert.deepEqual(page.problems.filter((p) => !p.includes('simulated crash')), []);
});

test('a corpus of hundreds of files lists the first 200 sources, then more on request', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${h.url}?corpus=many/`);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('button.source').count(), 200);
  await page.locator('button.more-sources', { hasText: '50 not shown' }).click();
  assert.equal(await page.locator('button.source').count(), 250);
  assert.equal(await page.locator('button.more-sources').count(), 0);
  // The filter searches all of them, listed or not.
  await page.fill('input.filter', '第249号');
  assert.equal(await page.locator('button.source').count(), 1);
  assert.deepEqual(page.problems, []);
});
