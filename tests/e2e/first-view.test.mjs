// The prerendered first view (scripts/prerender.mjs, www/first-view.js):
// a new visitor reads the built-in corpus's first highlighted article from
// the HTML alone, in their language, and the app replaces it with the same
// view when it is ready; an address or a stored corpus that would show
// something else never shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const TITLE = '弘扬中国—中亚精神，致力永久睦邻友好';

/**
 * Records, when the HTML has been parsed (before the app's script has
 * run), which prerendered views are displayed, with their title, paragraphs
 * and marks, and the root's `lang` and `data-theme`.
 */
async function recordParsed(page) {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const shown = [...document.querySelectorAll('.prerender')].filter((v) => v.querySelector('.app')?.getClientRects().length);
      window.__parsed = {
        lang: document.documentElement.lang,
        theme: document.documentElement.dataset.theme ?? null,
        appRootShown: getComputedStyle(document.getElementById('app-root')).display !== 'none',
        shown: shown.map((v) => ({
          lang: v.dataset.lang,
          title: v.querySelector('h2.article-title')?.textContent,
          paras: [...v.querySelectorAll('article.article p.para')].map((p) => p.textContent),
          marks: v.querySelectorAll('p.para mark.shared').length,
          views: v.querySelector('nav.views')?.textContent,
        })),
      };
    }, { once: true });
  });
}

test('with JavaScript off, the first highlighted article is there, from the HTML alone', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(h.url);
  const view = page.locator('.prerender').filter({ has: page.locator('.app:visible') });
  assert.equal(await view.count(), 1, 'one view shows: the page\'s own language');
  assert.equal(await view.getAttribute('data-lang'), 'zh-CN');
  assert.equal(await view.locator('h2.article-title').innerText(), TITLE);
  assert.ok(await view.locator('p.para mark.shared').count() > 0, 'its shared passages are highlighted');
  // Its sources are listed by name.
  assert.deepEqual(await view.locator('.source .source-name').allInnerTexts(), ['000', '001', '002', '003', '004']);
  // Its text and highlights come from the HTML: no corpus file is fetched
  // (the app's code is, by the preload hints).
  assert.ok(requested.includes('/'), JSON.stringify(requested));
  assert.ok(!requested.some((p) => p.startsWith('/corpus/') || p.includes('worker')), JSON.stringify(requested));
  // A picture of the page: nothing in it takes focus or clicks.
  assert.equal(await view.evaluate((v) => v.inert), true);
});

for (const [locale, lang, views] of [['zh-CN', 'zh-CN', '阅读'], ['en-US', 'en', 'Read']]) {
  test(`a ${locale} visitor sees the first view in their language at once, then the app's own, the same`, async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 800 }, locale });
    await recordParsed(page);
    await page.goto(h.url);
    await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
    const parsed = await page.evaluate(() => window.__parsed);
    assert.equal(parsed.lang, lang);
    assert.equal(parsed.shown.length, 1, JSON.stringify(parsed.shown.map((v) => v.lang)));
    const [first] = parsed.shown;
    assert.equal(first.lang, lang);
    assert.ok(first.views.includes(views), first.views);
    assert.equal(first.title, TITLE);
    assert.ok(first.marks > 0);
    assert.equal(parsed.appRootShown, false, 'the app\'s root is hidden while the copy shows');
    // The app's view replaced it: no copy is left, and the app shows what it showed.
    assert.equal(await page.locator('.prerender').count(), 0);
    assert.equal(await page.locator('#app-root .app').isVisible(), true);
    assert.equal(await page.locator('h2.article-title').innerText(), first.title);
    assert.deepEqual(await page.locator('article.article p.para').allTextContents(), first.paras);
    assert.equal(await page.locator('article.article p.para mark.shared').count(), first.marks);
    assert.ok((await page.locator('nav.views').innerText()).includes(views));
    // The app works: another source opens.
    await page.locator('button.source').nth(2).click();
    await page.waitForFunction((title) => document.querySelector('h2.article-title')?.textContent !== title, TITLE, { timeout: 10_000 });
    assert.deepEqual(page.problems, []);
  });
}

test('an address that names a screen, or a reader\'s own corpus or names, never shows the prerendered view', async () => {
  const cases = [
    ['#/overview', null],
    ['', { 'tongwen.corpus': '"c-1"' }],
    ['', { 'tongwen.names.corpus/': '{"001":"人民日报"}' }],
    ['?corpus=corpus/', null],
  ];
  for (const [address, stored] of cases) {
    const page = await h.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    // Only what the HTML and first-view.js decide is looked at: the app
    // itself is not loaded (it would only slow the test down).
    await page.route('**/pkg/app_bg.wasm', (route) => route.abort());
    if (stored) await page.addInitScript((stored) => { for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v); }, stored);
    await recordParsed(page);
    await page.goto(h.url + address);
    await page.waitForFunction(() => window.__parsed);
    const parsed = await page.evaluate(() => window.__parsed);
    assert.deepEqual(parsed.shown, [], `${address} ${JSON.stringify(stored)}`);
    assert.equal(parsed.appRootShown, true, `${address}: the app's root is not hidden`);
    await page.context().close();
  }
});

test('a reader\'s stored language and theme are the page\'s before it is drawn', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', colorScheme: 'light' });
  await page.addInitScript(() => {
    localStorage.setItem('tongwen.lang', '"en"');
    localStorage.setItem('tongwen.theme', '"dark"');
  });
  await recordParsed(page);
  await page.goto(h.url);
  await page.waitForFunction(() => window.__parsed);
  const parsed = await page.evaluate(() => window.__parsed);
  assert.equal(parsed.lang, 'en');
  assert.equal(parsed.theme, 'dark');
  assert.deepEqual(parsed.shown.map((v) => v.lang), ['en']);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.ok((await page.locator('nav.views').innerText()).includes('Read'));
});
