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
