// Words: jieba segmentation in the worker, word view, keywords, corpus
// search with a concordance, and the user's dictionary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, SHOTS, ROOT, openReady } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const ready = (page, url = h.url) => openReady(page, url);

/** The words shown in the word view of the paragraph containing `text`. */
async function wordsAround(page, text) {
  const para = page.locator('p.para', { hasText: text }).first();
  return para.locator('.w').evaluateAll((els) => {
    // Runs of one word share a parity class; join them back into words.
    const words = [];
    let last = null;
    for (const e of els) {
      const parity = e.classList.contains('w0') ? 0 : 1;
      if (parity === last && words.length) words[words.length - 1] += e.textContent; else words.push(e.textContent);
      last = parity;
    }
    return words;
  });
}

test('the Wang Yi interview has keywords in its header, 中亚 among them; a keyword runs a search', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  const keywords = page.locator('.keywords .keyword');
  await keywords.first().waitFor({ timeout: 30_000 });
  const list = await keywords.allInnerTexts();
  assert.equal(list.length, 10);
  assert.ok(list.includes('中亚'), list.join(' '));
  await page.locator('.keywords .keyword', { hasText: /^中亚$/ }).click();
  await page.locator('.search-view h2', { hasText: 'hits' }).waitFor();
  assert.equal(await page.inputValue('#search'), '中亚');
  assert.deepEqual(page.problems, []);
});

test('word view splits 托卡耶夫 until the word is added to the user dictionary, which survives a reload', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await page.click('button.word-view');
  const before = await (async () => {
    await page.locator('p.para .w').first().waitFor({ timeout: 30_000 });
    return wordsAround(page, '卡耶夫');
  })();
  assert.ok(!before.includes('托卡耶夫') && before.includes('卡耶夫'), before.join('|'));
  await page.screenshot({ path: path.join(SHOTS, 'words-view.png') });
  // Add it in the dictionary panel; the worker re-segments at once.
  await page.click('button:has-text("Dictionary")');
  await page.fill('#new-word', '托卡耶夫');
  await page.fill('#new-tag', 'nr');
  await page.click('.add-word button[type="submit"]');
  await page.waitForFunction(() => [...document.querySelectorAll('p.para .w')].some((e) => e.textContent === '托卡耶夫'), null, { timeout: 30_000 });
  assert.ok((await wordsAround(page, '卡耶夫')).includes('托卡耶夫'));
  assert.equal(await page.locator('.user-word .word').innerText(), '托卡耶夫');
  await page.screenshot({ path: path.join(SHOTS, 'words-dictionary.png') });
  // After a reload the dictionary is still there, and still applied.
  await page.reload();
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  // The word view is still on: the URL says so.
  assert.equal(await page.locator('button.word-view').getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => [...document.querySelectorAll('p.para .w')].some((e) => e.textContent === '托卡耶夫'), null, { timeout: 30_000 });
  await page.click('button:has-text("Dictionary")');
  assert.equal(await page.locator('.user-word .word').innerText(), '托卡耶夫');
  // Export gives a jieba-format file with the word.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export .txt")')]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), '托卡耶夫 nr\n');
  assert.deepEqual(page.problems, []);
});

test('importing a jieba-format dictionary adds its words; a bad file changes nothing', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.click('button:has-text("Dictionary")');
  const input = page.locator('.dictionary input[type="file"]');
  await input.setInputFiles({ name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from('好词 3\n坏词 n 5\n') });
  await page.locator('.dictionary-message', { hasText: 'line 2' }).waitFor();
  assert.equal(await page.locator('.user-word').count(), 0);
  await input.setInputFiles({ name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from('阿斯塔纳 20 ns\n中国—中亚机制 n\n') });
  await page.locator('.dictionary-message', { hasText: 'Imported 2' }).waitFor();
  assert.deepEqual(await page.locator('.user-word .word').allInnerTexts(), ['阿斯塔纳', '中国—中亚机制']);
  assert.deepEqual(page.problems, []);
});

test('searching 阿斯塔纳 counts hits per source correctly, lists a concordance, and a hit opens its place', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.fill('#search', '阿斯塔纳');
  await page.locator('.search-view h2', { hasText: 'hits' }).waitFor({ timeout: 30_000 });
  // Expected: occurrences in each seed's text, line breaks and spaces removed.
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'www/corpus/manifest.json'), 'utf8'));
  const expected = manifest.documents.map((d) => fs.readFileSync(path.join(ROOT, 'www/corpus', d.file), 'utf8').replace(/\s/g, '').split('阿斯塔纳').length - 1);
  const shown = await page.locator('.source-count').evaluateAll((els) => els.map((e) => [Number(e.dataset.doc), Number(e.querySelector('.count').textContent)]));
  assert.ok(shown.length >= 4, JSON.stringify(shown));
  for (const [doc, n] of shown) assert.equal(n, expected[doc], `source ${doc}`);
  assert.equal(shown.reduce((a, [, n]) => a + n, 0), expected.reduce((a, b) => a + b, 0));
  await page.screenshot({ path: path.join(SHOTS, 'search.png') });
  // The concordance lines the keyword up in one column.
  await page.click('button:has-text("Concordance")');
  const keys = page.locator('.kwic-key');
  assert.equal(await keys.count(), expected.reduce((a, b) => a + b, 0));
  const xs = await keys.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  assert.equal(new Set(xs).size, 1, 'aligned on the keyword');
  await page.screenshot({ path: path.join(SHOTS, 'concordance.png') });
  // Sorted by right context, the lines read in order of what follows; no
  // right context is clipped; each line names its article, not only its paper.
  await page.getByRole('button', { name: 'right context' }).click();
  const rights = await page.locator('.kwic-right').allInnerTexts();
  assert.deepEqual(rights, [...rights].sort(), 'right contexts in order');
  assert.ok(await page.locator('.kwic-right').evaluateAll((els) => els.every((e) => e.scrollWidth <= e.clientWidth + 1)), 'no right context clipped');
  assert.ok((await page.locator('.kwic-source').allInnerTexts()).every((t) => / · /.test(t)), 'source · article');
  await page.screenshot({ path: path.join(SHOTS, 'concordance-sorted-right.png') });
  // Dark, and on a phone: the keyword column still lines up, on a dark page.
  await page.emulateMedia({ colorScheme: 'dark' });
  const luminance = await page.locator('.kwic-line').first().evaluate((e) => {
    let el = e;
    while (el && getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)') el = el.parentElement;
    const [r, g, b] = getComputedStyle(el ?? document.body).backgroundColor.match(/\d+/g).map(Number);
    return (r + g + b) / 3;
  });
  assert.ok(luminance < 80, `a dark background behind the lines (${luminance})`);
  await page.screenshot({ path: path.join(SHOTS, 'concordance-sorted-right-dark.png') });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  const phoneXs = await keys.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  assert.equal(new Set(phoneXs).size, 1, 'aligned on the keyword on a phone');
  assert.ok(phoneXs[0] > 375 / 4 && phoneXs[0] < 375 / 2, `the keyword near the middle of the screen (${phoneXs[0]})`);
  await page.screenshot({ path: path.join(SHOTS, 'concordance-phone-dark.png') });
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'left context' }).click();
  const lefts = (await page.locator('.kwic-left').allInnerTexts()).map((t) => [...t.replace(/…/g, '')].reverse().join(''));
  assert.deepEqual(lefts, [...lefts].sort(), 'left contexts in order, read leftwards from the keyword');
  await page.getByRole('button', { name: 'text order' }).click();
  // A hit far down its article: opening it scrolls there and marks it.
  const last = page.locator('.kwic-line').last();
  const context = await last.locator('.kwic-left').innerText();
  await last.click();
  const hit = page.locator('#focus-hit');
  await hit.waitFor();
  assert.equal(await hit.innerText(), '阿斯塔纳');
  assert.ok(await hit.isVisible());
  const inView = await hit.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'scrolled into view');
  assert.ok(context.replace('…', '').length > 0);
  assert.deepEqual(page.problems, []);
});

test('whole-word hits come first; Enter in the search box opens the best one', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.fill('#search', '中亚');
  await page.locator('.search-view h2', { hasText: 'hits' }).waitFor({ timeout: 30_000 });
  const first = page.locator('.hit-group').first();
  assert.match(await first.locator('.count').innerText(), /\((\d+) whole-word\)/);
  assert.doesNotMatch(await first.locator('.count').innerText(), /\(0 whole-word\)/);
  await page.press('#search', 'Enter');
  await page.locator('#focus-hit').waitFor();
  assert.equal(await page.locator('#focus-hit').innerText(), '中亚');
  assert.deepEqual(page.problems, []);
});

test('Enter pressed before the results arrive opens the best hit as soon as they do', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  // Words first (search needs the index), then a query whose results
  // cannot be back yet when Enter follows at once.
  await page.fill('#search', '合作');
  await page.locator('.search-view h2', { hasText: 'hits' }).waitFor({ timeout: 30_000 });
  // Hold the worker busy for a moment, as a large corpus would: the
  // results of the new query come after Enter, while 合作's are on screen.
  const [worker] = page.workers();
  const busy = worker.evaluate(() => { const end = Date.now() + 1500; while (Date.now() < end); });
  await page.fill('#search', '阿斯塔纳');
  await page.press('#search', 'Enter');
  await busy;
  await page.locator('#focus-hit').waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#focus-hit').innerText(), '阿斯塔纳');
  assert.equal(await page.locator('.search-view').count(), 0, 'the article is open, not the results');
  assert.deepEqual(page.problems, []);
});
