// The first slice: the site opens on the five seed sources by readable name,
// and selecting one shows its text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, SHOTS } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('opens on the five seed sources, named by headline', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  const names = await page.locator('.source .source-name').allInnerTexts();
  assert.equal(names.length, 5, `five sources, got ${JSON.stringify(names)}`);
  for (const name of names) {
    assert.doesNotMatch(name, /^\d{3}_[0-9a-f]{16}/, 'named by headline, not by hash file name');
    assert.match(name, /\p{Script=Han}/u);
  }
  assert.ok(names.includes('圆满结束出席第二届中国—中亚峰会 习近平回到北京'), JSON.stringify(names));
  await page.screenshot({ path: path.join(SHOTS, 'foundation-desktop.png') });
  assert.deepEqual(page.problems, []);
});

test('selecting a source shows its text', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(h.url);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  await page.locator('.source').nth(3).click();
  await assert.doesNotReject(page.getByText('致力永久睦邻友好 树立区域合作标杆').first().waitFor({ timeout: 5_000 }));
  assert.equal(await page.locator('.source').nth(3).getAttribute('aria-current'), 'true');
  await page.screenshot({ path: path.join(SHOTS, 'foundation-selected.png') });
  assert.deepEqual(page.problems, []);
});
