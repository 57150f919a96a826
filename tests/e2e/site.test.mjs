// `tongwen build-site`: a corpus published as a static site, served under
// a sub-path as GitHub Pages would, opens with no analysis step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, SHOTS, ROOT, tongwen, openSettings } from './harness.mjs';

let h;
let tmp;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongwen-site-'));
  const corpus = path.join(tmp, 'pages');
  fs.mkdirSync(corpus);
  for (const f of fs.readdirSync(path.join(ROOT, 'www/corpus')).filter((f) => /^00[012]_.*\.txt$/.test(f))) {
    fs.copyFileSync(path.join(ROOT, 'www/corpus', f), path.join(corpus, f));
  }
  fs.writeFileSync(path.join(corpus, 'notes.pdf'), '%PDF-1.4 not a page');
  const out = tongwen(['build-site', corpus, '-o', path.join(tmp, 'site'), '--app', path.join(ROOT, 'dist')], { stdio: ['ignore', 'pipe', 'pipe'] });
  assert.match(out.toString(), /with 3 documents and \d+ shared passages/);
  h = await start({ dir: path.join(tmp, 'site'), prefix: '/tongwen/' });
});
after(async () => {
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a built site opens on its own corpus under /tongwen/ without analyzing: no progress bar ever', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.__progressSeen = false;
    new MutationObserver(() => { if (document.querySelector('progress')) window.__progressSeen = true; })
      .observe(document, { subtree: true, childList: true });
  });
  assert.ok(h.url.endsWith('/tongwen/'));
  await page.goto(h.url);
  await page.locator('.status[data-state="ready"]', { hasText: '3 sources' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.evaluate(() => window.__progressSeen), false, 'no analysis step');
  assert.ok(await page.locator('article.article mark.shared').count() > 0, 'shared passages shown');
  assert.equal(await page.locator('button.source').count(), 3);
  // Words and search still work (the worker keeps the precomputed analysis).
  await page.locator('.keywords .keyword').first().waitFor({ timeout: 30_000 });
  // A new setting needs the pages themselves: they are fetched and analyzed.
  await openSettings(page);
  await page.fill('#min-len', '120');
  await page.locator('#min-len').press('Enter');
  await page.locator('progress').waitFor({ timeout: 10_000 }).catch(() => {});
  await page.locator('.status[data-state="ready"]', { hasText: '3 sources' }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SHOTS, 'built-site.png') });
  assert.deepEqual(page.problems, []);
});
