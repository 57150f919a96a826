// The first slice: the site opens on the five seed sources by readable name,
// and selecting one shows its text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { start, SHOTS, ROOT } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('opens on the five seed sources, each named apart from the others', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  const names = await page.locator('.source .source-name').allInnerTexts();
  assert.equal(names.length, 5, `five sources, got ${JSON.stringify(names)}`);
  // No seed prints a masthead or a 版 line: each is its file name, without
  // the download hash. Named by first headline, two of them differed only
  // in a dash.
  assert.deepEqual(names, ['000', '001', '002', '003', '004']);
  // The search box shows its whole placeholder.
  const fits = await page.locator('#search').evaluate((input) => {
    const style = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    // Chromium keeps room for a search box's clear button (about 20 px).
    return ctx.measureText(input.placeholder).width + 20 <= input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  assert.ok(fits, 'the placeholder is not cut off');
  // At 1280 px the top bar is one row (it was two: 79 px).
  const bar = (await page.locator('.topbar').boundingBox()).height;
  assert.ok(bar < 60, `the top bar is ${bar} px high`);
  // The engine runs in a Web Worker started from the same origin.
  const workers = page.workers().map((w) => w.url());
  assert.ok(workers.some((u) => u.endsWith('/worker-loader.js')), JSON.stringify(workers));
  await page.screenshot({ path: path.join(SHOTS, 'foundation-desktop.png') });
  assert.deepEqual(page.problems, []);
});

test('the app\'s first view needs the app, the catalog and one fragment: no worker, no whole analysis, no other page', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  // Every request the page sends, stamped; and the moment the app's own
  // first view is ready (the prerendered one before it needs only the
  // HTML: first-view.test.mjs).
  // (Both by the browser's clock: a request's start, and the page's
  // stamp of the first mark. Stamps taken in Node lag the page's.)
  const requests = [];
  page.on('request', (r) => requests.push(r));
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#app-root p.para mark.shared')) {
        observer.disconnect();
        window.__firstMark = performance.timeOrigin + performance.now();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(h.url);
  await page.locator('#app-root p.para mark.shared').first().waitFor({ timeout: 30_000 });
  const shownAt = await page.evaluate(() => window.__firstMark);
  await page.waitForTimeout(500); // the requests sent by then have their timings
  const before = requests.filter((r) => r.timing().startTime > 0 && r.timing().startTime <= shownAt).map((r) => new URL(r.url()).pathname.replace(/^\//, ''));
  assert.ok(before.some((p) => /^corpus\/catalog-[0-9a-f]{16}\.json$/.test(p)), JSON.stringify(before));
  // The first document's fragment and the passage files it names: no other.
  const dist = path.join(ROOT, 'dist/corpus');
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  const catalog = JSON.parse(fs.readFileSync(path.join(dist, manifest.published), 'utf8'));
  const first = catalog.documents.fragment[0];
  const needed = [first, ...JSON.parse(fs.readFileSync(path.join(dist, first), 'utf8')).passage_files].map((f) => `corpus/${f}`);
  assert.deepEqual(before.filter((p) => p.startsWith('corpus/fragments/')).sort(), needed.sort());
  for (const later of ['worker', 'analysis.jsonl', 'dict/', '.txt']) {
    assert.ok(!before.some((p) => p.includes(later)), `${later} before the first highlight: ${JSON.stringify(before)}`);
  }
  // The other sources are listed at once, and their fragments follow.
  assert.equal(await page.locator('.source .source-name').count(), 5);
  await page.locator('button.source').nth(3).click();
  await page.locator('article.article p.para').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.loading[role=status]'));
  const fragments = requests.map((r) => new URL(r.url()).pathname).filter((p) => p.includes('/corpus/fragments/'));
  assert.equal(new Set(fragments).size, fragments.length, `each file fetched once: ${JSON.stringify(fragments)}`);
  // Every document and passage file once the first view is painted; the
  // stories are the overview's.
  const files = fs.readdirSync(path.join(dist, 'fragments')).filter((f) => `fragments/${f}` !== catalog.stories);
  assert.equal(fragments.length, files.length, 'every document and passage file, once the first view is painted');
  assert.deepEqual(page.problems, []);
});

test('opens on the first article, reflowed', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('h2.article-title').innerText(), '弘扬中国—中亚精神，致力永久睦邻友好');
  const first = page.locator('p.para', { hasText: '在阿斯塔纳不到48小时时间里，习近平主席密集出席十余场多双边活动' });
  assert.equal(await first.count(), 1, 'the seed sentence stands whole in one paragraph');
  assert.deepEqual(page.problems, []);
});

test('selecting a source shows its reflowed articles, and the raw page on request', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  await page.locator('.source').nth(3).click();
  assert.equal(await page.locator('.source').nth(3).getAttribute('aria-current'), 'true');
  assert.equal(await page.locator('h2.article-title').innerText(), '致力永久睦邻友好 树立区域合作标杆');
  // Joined across a column break and around the headline dropped into it.
  for (const seed of ['有利于进一步推动中亚地区基础设施项目建设', '双方合作将迈向更高水平']) {
    assert.equal(await page.locator('p.para', { hasText: seed }).count(), 1, seed);
  }
  await page.screenshot({ path: path.join(SHOTS, 'reflow-003.png') });
  // The second article of the page is listed and opens.
  await page.locator('.article-link').nth(1).click();
  assert.match(await page.locator('h2.article-title').innerText(), /吃干榨净/);
  await page.getByRole('button', { name: /Raw page/ }).click();
  assert.match(await page.locator('pre.raw-text').innerText(), /^\s*6月16日至18日/);
  assert.deepEqual(page.problems, []);
});

test('a note on the words (here: the dictionary failed to load) keeps the top bar on one row at 1280 px, and says all of itself on hover', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  // The worker fetches the dictionary; this one is not found.
  await page.context().route('**/dict/dict.txt.gz', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(h.url);
  const note = page.locator('.words-status');
  await note.waitFor({ timeout: 30_000 });
  const text = await note.innerText();
  assert.match(text, /dict\.txt\.gz/);
  const bar = (await page.locator('.topbar').boundingBox()).height;
  assert.ok(bar < 60, `the top bar is ${bar} px high with the note "${text}"`);
  // Enough of it shows to be read (the search box gives it room) ...
  const shown = (await note.boundingBox()).width;
  assert.ok(shown >= 80, `only ${shown} px of the note show`);
  // ... and, cut short to fit, it keeps its whole text in its title.
  assert.equal(await note.getAttribute('title'), text);
});
