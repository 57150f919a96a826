// A large published corpus (`tongwen build-site` on more documents than the
// browser holds whole): the page reads it a fragment at a time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, ROOT, tongwen } from './harness.mjs';

let h;
let tmp;
let site;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongwen-published-'));
  const pages = path.join(tmp, 'pages');
  // About 1 MB of synthetic reprints: 174 pages, past WHOLE_MAX_DOCUMENTS.
  const built = path.join(ROOT, 'target/debug/examples/write_corpus');
  const [file, args] = fs.existsSync(built) ? [built, []] : ['cargo', ['run', '--quiet', '--example', 'write_corpus', '--']];
  execFileSync(file, [...args, pages, '1'], { cwd: ROOT, stdio: 'ignore' });
  fs.rmSync(path.join(pages, 'manifest.json'));
  site = path.join(tmp, 'site');
  tongwen(['build-site', pages, '-o', site, '--app', path.join(ROOT, 'dist')], { stdio: ['ignore', 'pipe', 'pipe'] });
  h = await start({ dir: site });
});
after(async () => {
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a large published corpus opens from its catalog and one fragment, and fetches the others as they are read', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // The moment the first paragraph enters the page, by the page's clock.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('article.article p.para')) {
        observer.disconnect();
        window.__firstText = performance.now();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(h.url);
  const count = fs.readdirSync(path.join(site, 'corpus')).filter((f) => f.endsWith('.txt')).length;
  assert.ok(count > 64, `${count} documents`);
  await page.locator('.status[data-state="ready"]', { hasText: `${count} sources` }).waitFor({ timeout: 30_000 });
  await page.locator('article.article p.para').first().waitFor({ timeout: 30_000 });
  assert.ok(!fs.existsSync(path.join(site, 'corpus/analysis.jsonl')), 'no whole analysis is published');
  const documents = (list) => list.filter((p) => p.includes('/corpus/fragments/')).length;
  // The first source's fragment and its passage files; no page, no worker.
  await page.waitForTimeout(500);
  const first = documents(fetched);
  assert.ok(first >= 1 && first <= 6, `fetched at first: ${JSON.stringify(fetched)}`);
  assert.ok(!fetched.some((p) => p.endsWith('.txt') || p.includes('worker')), JSON.stringify(fetched));
  // Words and search say why they are off here.
  await page.locator('.topbar', { hasText: /too large/ }).waitFor({ timeout: 10_000 });
  // A source far down the list, in the second catalog part: its entry
  // and fragment come when it is opened.
  const catalog = JSON.parse(fs.readFileSync(path.join(site, 'corpus', JSON.parse(fs.readFileSync(path.join(site, 'corpus/manifest.json'))).published)));
  assert.ok(catalog.parts.length >= 2 && !catalog.documents.title, 'titles and fragments are in the catalog parts');
  // The second part comes after the first view, before it is needed: the
  // list shows its sources.
  const partAt = await page.evaluate((part) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(part))?.startTime ?? null, catalog.parts[1]);
  const firstText = await page.evaluate(() => window.__firstText);
  assert.ok(partAt !== null && partAt > firstText, `the second part at ${partAt} ms, the first text at ${firstText} ms`);
  const before = fetched.length;
  const n = catalog.part_documents + 10;
  await page.locator('button.source').nth(n).click();
  await page.waitForFunction(() => !document.querySelector('.loading[role=status]') && document.querySelector('article.article p.para'), null, { timeout: 30_000 });
  const text = await page.locator('article.article').innerText();
  const part = JSON.parse(fs.readFileSync(path.join(site, 'corpus', catalog.parts[1])));
  const fragment = JSON.parse(fs.readFileSync(path.join(site, 'corpus', part.documents.fragment[10])));
  assert.ok(!fetched.slice(before).some((p) => p.endsWith(catalog.parts[1])), 'its catalog part was read already');
  assert.equal(fetched.filter((p) => p.endsWith(catalog.parts[1])).length, 1, 'each part once');
  const firstParagraph = fragment.doc.articles[0].paragraphs[0].text.replace(/\s/g, '').slice(0, 12);
  assert.ok(text.replace(/\s/g, '').includes(firstParagraph), `${firstParagraph} in ${text.slice(0, 200)}`);
  const later = documents(fetched);
  assert.ok(later > first && later - first <= 8, `${later - first} more files for one source and the next`);
  assert.ok(later < count / 4, 'never the whole corpus');
  assert.deepEqual(page.problems, []);
});

/** Every document of the published site in full: its catalog entry's fragment, read from disk. */
function publishedDocuments() {
  const dir = path.join(site, 'corpus');
  const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f)));
  const catalog = read(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'))).published);
  return catalog.parts.flatMap((p) => read(p).documents.fragment).map((f) => read(f).doc);
}

/** Occurrences of `q` in an article's searched fields, as the engine counts them (overlapping). */
function occurrences(article, q) {
  const fields = [article.title, article.subtitle, article.byline, article.dateline, ...article.paragraphs.flatMap((p) => [p.dateline, p.text])];
  let n = 0;
  for (const text of fields.filter(Boolean)) {
    for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) n += 1;
  }
  return n;
}

test('a large published corpus is searched through its index: a few chunks and the fragments of the articles listed, never the corpus', async () => {
  const docs = publishedDocuments();
  // A two-character word the corpus prints in many articles, not all.
  const q = '合作';
  const perArticle = docs.flatMap((d) => d.articles.map((a) => occurrences(a, q)));
  const total = perArticle.reduce((s, n) => s + n, 0);
  const articles = perArticle.filter((n) => n > 0).length;
  assert.ok(articles > 20 && articles < perArticle.length, `${articles} of ${perArticle.length} articles`);
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.locator('article.article p.para').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // Focusing the box fetches the index's root, ahead of the query. The
  // root is held back half a second, so the query comes while it is on
  // its way: the search waits for the same request rather than sending
  // another.
  const root = `/corpus/${JSON.parse(fs.readFileSync(path.join(site, 'corpus', JSON.parse(fs.readFileSync(path.join(site, 'corpus/manifest.json'))).published))).search}`;
  await page.route(`**${root}`, async (route) => { await new Promise((r) => setTimeout(r, 500)); await route.continue(); });
  const rootAsked = page.waitForRequest((r) => r.url().endsWith(root), { timeout: 10_000 });
  await page.locator('#search').focus();
  await rootAsked;
  assert.deepEqual(fetched.filter((p) => p.includes('/corpus/')), [root]);
  await page.locator('#search').fill(q);
  const head = page.locator('.search-view h2[role=status]');
  await head.waitFor({ timeout: 30_000 });
  // The counts are exact for every article, listed or not.
  assert.match(await head.innerText(), new RegExp(`\\b${total}\\b`));
  // Per source, the first 100 sources with a hit, counted exactly.
  const perSource = (await page.locator('.per-source .count').allInnerTexts()).map(Number);
  const sources = docs.map((d) => d.articles.reduce((s, a) => s + occurrences(a, q), 0)).filter((n) => n > 0);
  assert.deepEqual(perSource, sources.slice(0, 100));
  if (sources.length > 100) assert.equal(await page.locator('.per-source .more').innerText(), `+${sources.length - 100}`);
  // The first 20 articles listed, most hits first, each hit in context.
  const groups = page.locator('.hit-group');
  assert.equal(await groups.count(), 20);
  // Their hits in context come with their fragments.
  await page.locator('.hit-group .kwic-hit').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.hit-group')].every((g) => g.querySelector('.kwic-hit')), null, { timeout: 30_000 });
  assert.ok((await page.locator('.hit-group .kwic-hit').allInnerTexts()).every((t) => t === q));
  // Titles from the catalog parts, not placeholders.
  assert.ok((await page.locator('.hit-group h3').allInnerTexts()).every((t) => !t.includes('…')), 'titled');
  await page.locator('.search-view .hint').first().waitFor();
  // What it fetched: the index's root, one chunk, the catalog parts and
  // fragments of at most 20 documents; no passage file.
  const corpusFiles = fetched.filter((p) => p.includes('/corpus/'));
  assert.ok(corpusFiles.length <= 2 + 2 + 20, JSON.stringify(corpusFiles));
  assert.equal(corpusFiles.filter((p) => p === root).length, 1, 'the root once');
  assert.ok(!fetched.some((p) => p.endsWith('.txt') || p.includes('worker')), JSON.stringify(fetched));
  // A hit opens its article, with the word in it.
  await page.locator('.hit-group .hit').first().click();
  await page.locator('article.article p.para').first().waitFor();
  assert.ok((await page.locator('article.article').innerText()).includes(q));
  // A longer query: only articles that hold it are listed.
  await page.locator('#search').fill('没有这个说法');
  await page.locator('.search-view h2[role=status]', { hasText: /\b0\b/ }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('.hit-group').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('after one visit a large published corpus opens offline: every source listed, what was read readable', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.locator('article.article p.para').first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  const firstText = (await page.locator('article.article p.para').first().innerText()).slice(0, 20);
  // The first source's fragment came before the service worker took the
  // page over; the page tells the worker, which caches it then.
  const dir = path.join(site, 'corpus');
  const catalog = JSON.parse(fs.readFileSync(path.join(dir, JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'))).published)));
  const fragments = JSON.parse(fs.readFileSync(path.join(dir, catalog.parts[0]))).documents.fragment;
  // A document's files (its fragment and passage files) once the service
  // worker has stored them: it stores what it serves in the background.
  const cached = (k) => {
    const files = [fragments[k], ...JSON.parse(fs.readFileSync(path.join(dir, fragments[k]))).passage_files];
    const urls = files.map((f) => new URL(`corpus/${f}`, h.url).href);
    return page.waitForFunction(async (urls) => (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean), urls, { timeout: 15_000, polling: 100 });
  };
  await cached(0);
  // A second source read while online; the address now names it.
  await page.locator('button.source').nth(3).click();
  await page.waitForFunction(() => !document.querySelector('.loading[role=status]') && document.querySelector('article.article p.para'));
  const thirdText = (await page.locator('article.article p.para').first().innerText()).slice(0, 20);
  assert.notEqual(thirdText, firstText);
  await cached(3);
  const count = fs.readdirSync(path.join(site, 'corpus')).filter((f) => f.endsWith('.txt')).length;
  await page.context().setOffline(true);
  await page.reload();
  await page.locator('.status[data-state="ready"]', { hasText: `${count} sources` }).waitFor({ timeout: 30_000 });
  await page.locator('article.article p.para').first().waitFor({ timeout: 30_000 });
  assert.equal((await page.locator('article.article p.para').first().innerText()).slice(0, 20), thirdText);
  assert.equal(await page.locator('button.source').count(), count);
  // The first source, read before: from the cache.
  await page.locator('button.source').nth(0).click();
  await page.waitForFunction(() => !document.querySelector('.loading[role=status]') && document.querySelector('article.article p.para'));
  assert.equal((await page.locator('article.article p.para').first().innerText()).slice(0, 20), firstText);
  // The next source, never read, is not there offline: its prefetch fails
  // unsaid (the browser logs the failed load).
  const alerts = await page.locator('[role=alert], .notice').allInnerTexts();
  assert.deepEqual(alerts, []);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED)/.test(p)), []);
});

test('a large published corpus\'s overview lists every story from its stories file, and a witness opens its article', async () => {
  const dir = path.join(site, 'corpus');
  const catalog = JSON.parse(fs.readFileSync(path.join(dir, JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'))).published)));
  const stories = JSON.parse(fs.readFileSync(path.join(dir, catalog.stories)));
  assert.ok(stories.length > 10, `${stories.length} stories`);
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // A link to the overview: the first document only, then the stories.
  await page.goto(`${h.url}#/overview`);
  const list = page.locator('.corpus-story-list > li');
  await list.first().waitFor({ timeout: 30_000 });
  assert.equal(await list.count(), Math.min(100, stories.length));
  const longest = [...stories].sort((a, b) => b.length - a.length || a.story - b.story);
  assert.equal(await list.first().getAttribute('data-story'), String(longest[0].story));
  const fragments = fetched.filter((p) => p.includes('/corpus/fragments/')).length;
  assert.ok(fragments < 12, `${fragments} corpus files for the overview, not the corpus`);
  // A witness of the longest story opens that article.
  const tag = list.first().locator('a.tag').nth(1);
  const [doc] = longest[0].articles[1].split('#');
  await tag.click();
  await page.waitForFunction(() => !document.querySelector('.loading[role=status]') && document.querySelector('article.article p.para'), null, { timeout: 30_000 });
  assert.ok(decodeURIComponent(await page.evaluate(() => location.hash)).startsWith(`#/read/${doc}/`));
  assert.deepEqual(page.problems, []);
});
