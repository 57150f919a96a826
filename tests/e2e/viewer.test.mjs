// Shared passages in the viewer: highlights, witnesses, compare, keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, SHOTS, openReady, tabTo, openSettings } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const ready = (page, url = h.url) => openReady(page, url);

test('the first article opens with its shared passages highlighted', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  const marks = page.locator('article.article mark.shared');
  assert.ok(await marks.count() > 0, 'highlights on the first article');
  await page.screenshot({ path: path.join(SHOTS, 'viewer-highlights.png') });
  assert.deepEqual(page.problems, []);
});

test('hovering the opening of the Wang Yi interview lists witnesses in 001 and 002', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  const opening = page.locator('mark.shared', { hasText: '仲夏时节' }).first();
  await opening.hover();
  const panel = page.locator('aside.witnesses');
  await panel.waitFor();
  const text = await panel.innerText();
  const names = await page.locator('.source .source-name').allInnerTexts();
  assert.match(text, new RegExp(names[1].slice(0, 8)), `001 (${names[1]}) is a witness:\n${text}`);
  assert.match(text, new RegExp(names[2].slice(0, 8)), `002 (${names[2]}) is a witness:\n${text}`);
  await page.screenshot({ path: path.join(SHOTS, 'viewer-witnesses.png') });
  assert.deepEqual(page.problems, []);
});

test('the first highlight opens compare on another paper\'s copy of the same passage, never a fragment', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.locator('article.article mark.shared').first().click();
  await page.locator('section.compare').waitFor();
  const names = await page.locator('.source .source-name').allInnerTexts();
  const rightName = await page.locator('.witness-col.right .witness-source').innerText();
  assert.ok(rightName.includes(names[1]) || rightName.includes(names[2]), `the right witness is 001 or 002: ${rightName}`);
  // Every member shares the whole passage: the two columns are about as long.
  const left = (await page.locator('.witness-col.left .compare-text').innerText()).replace(/\s/g, '');
  const right = (await page.locator('.witness-col.right .compare-text').innerText()).replace(/\s/g, '');
  assert.ok(Math.min(left.length, right.length) >= 0.6 * Math.max(left.length, right.length), `${left.length} against ${right.length} characters`);
  assert.match(await page.locator('.compare-info').innerText(), /^Passage [1-9]\d* of \d+/);
  assert.deepEqual(page.problems, []);
});

test('clicking opens the compare view, with 分别 against 分享 marked as a variant', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.locator('mark.shared', { hasText: '仲夏时节' }).first().click();
  await page.locator('section.compare').waitFor();
  // Put 001's copy of the interview on the right (source 001 is listed second).
  const name001 = (await page.locator('.source .source-name').allInnerTexts())[1];
  const option = page.locator('#right-witness option', { hasText: name001 }).filter({ hasText: '弘扬中国—中亚精神' }).first();
  await page.selectOption('#right-witness', await option.getAttribute('value'));
  assert.match(await page.locator('.witness-col.right .compare-text').innerText(), /分享举行双边会晤/);
  const left = page.locator('.witness-col.left .diff.changed', { hasText: '别' });
  const right = page.locator('.witness-col.right .diff.changed', { hasText: '享' });
  assert.ok(await left.count() > 0 && await right.count() > 0, 'substitution marked on both sides');
  const leftText = await page.locator('.witness-col.left .compare-text').innerText();
  assert.match(leftText, /分别举行双边会晤/);
  await page.screenshot({ path: path.join(SHOTS, 'viewer-compare.png') });
  assert.deepEqual(page.problems, []);
});

test('each entry of the witnesses popover opens compare with that witness', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  const names = await page.locator('.source .source-name').allInnerTexts();
  await page.locator('mark.shared', { hasText: '仲夏时节' }).first().hover();
  const links = page.locator('aside.witnesses a.witness-link');
  await links.first().waitFor();
  // Each entry is a link to the compare view of that witness; try both.
  const count = await links.count();
  assert.ok(count >= 2, `two other papers print the interview: ${count}`);
  const targets = [];
  for (let k = 0; k < count; k++) targets.push((await links.nth(k).locator('.witness-source').innerText()).trim());
  for (let k = 0; k < count; k++) {
    if (k > 0) {
      await page.goBack();
      await page.locator('article.article').waitFor();
      await page.locator('mark.shared', { hasText: '仲夏时节' }).first().hover();
      await links.nth(k).waitFor();
    }
    // The pointer travels from the highlight to the popover: it stays open.
    await links.nth(k).click();
    await page.locator('section.compare').waitFor();
    assert.match(await page.evaluate(() => location.hash), /^#\/compare\/\d+\/\d+\/\d+\?min=20$/);
    assert.equal((await page.locator('.witness-col.right .witness-source').innerText()).trim(), targets[k]);
    assert.equal((await page.locator('.witness-col.left .witness-source').innerText()).trim(), names[0], 'the article being read stays on the left');
  }
  assert.ok(targets.some((t) => t === names[1]) && targets.some((t) => t === names[2]), targets.join(' | '));
  assert.deepEqual(page.problems, []);
});

test('n steps to the next passage in reading order, not to another copy of the same one', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.locator('article.article mark.shared').first().click();
  await page.locator('section.compare').waitFor();
  const passage = async () => Number((await page.locator('.compare-info').innerText()).match(/^Passage (\d+) of/)[1]);
  const leftText = async () => (await page.locator('.witness-col.left .compare-text').innerText()).replace(/\s/g, '');
  const [p1, t1] = [await passage(), await leftText()];
  await page.keyboard.press('n');
  await page.waitForFunction((p) => !document.querySelector('.compare-info').innerText.startsWith(`Passage ${p} of`), p1);
  const [p2, t2] = [await passage(), await leftText()];
  assert.notEqual(p2, p1);
  assert.notEqual(t2, t1, 'another stretch of the article, not the same text again');
  // Its place in the article comes after the first one's.
  const article = (await page.evaluate(() => location.hash)).split('/');
  assert.equal(article[1], 'compare');
  await page.keyboard.press('p');
  await page.waitForFunction((p) => document.querySelector('.compare-info').innerText.startsWith(`Passage ${p} of`), p1);
  assert.deepEqual(page.problems, []);
});

test('the collation table shows the three witnesses of the interview, its readings in columns', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.locator('mark.shared', { hasText: '仲夏时节' }).first().click();
  await page.locator('section.compare').waitFor();
  await page.locator('button.collate').click();
  const rows = page.locator('table.collation tbody tr');
  await rows.first().waitFor();
  const docs = (await rows.evaluateAll((rs) => rs.map((r) => r.dataset.doc.slice(0, 3)))).sort();
  assert.deepEqual(docs, ['000', '001', '002']);
  assert.equal(await page.locator('button.collate').getAttribute('aria-pressed'), 'true');
  // 分别 and 分享 (and 重大 / 重要大) stand in one column.
  const together = (x, y) => page.evaluate(([x, y]) => {
    const table = document.querySelector('table.collation');
    const cols = table.rows[0].cells.length;
    for (let c = 1; c < cols; c++) {
      const cells = [...table.rows].map((r) => r.cells[c].innerText);
      if (cells.includes(x) && cells.includes(y)) return true;
    }
    return false;
  }, [x, y]);
  assert.ok(await together('分别', '分享'), '分别/分享 in one column');
  assert.ok(await together('重大', '重要大'), '重大/重要大 in one column');
  // Every witness but the fullest has its distance as a count of readings.
  const distances = await page.locator('table.collation .distance').allInnerTexts();
  assert.equal(distances.filter((d) => d === 'fullest').length, 1, distances.join(' | '));
  assert.ok(distances.filter((d) => /^[1-9]\d* variant readings?$/.test(d)).length === 2, distances.join(' | '));
  await page.screenshot({ path: path.join(SHOTS, 'viewer-collation.png') });
  // The TEI export holds the whole story, every witness.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.tei').click()]);
  const tei = fs.readFileSync(await download.path(), 'utf8');
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, witnesses: doc.getElementsByTagName('witness').length, readings: [...doc.getElementsByTagName('rdg')].map((r) => r.textContent) };
  }, tei);
  assert.equal(parsed.error, null);
  // Every witness: the three copies, then each article that quotes the report.
  const quoted = await page.locator('.quoted-in .tag').count();
  assert.equal(parsed.witnesses, 3 + quoted);
  assert.ok(parsed.readings.includes('分别') && parsed.readings.includes('分享'), 'the story TEI has the readings');
  assert.deepEqual(page.problems, []);
});

test('compare opened from a highlight low on the page starts at the top, controls in view', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 700 } });
  await ready(page);
  const last = page.locator('article.article mark.shared').last();
  await last.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => document.querySelector('main.reading').scrollTop) > 200, 'the page is scrolled down');
  await last.click();
  await page.locator('section.compare').waitFor();
  const inView = (sel) => page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  }, sel);
  assert.ok(await inView('.compare-bar'), 'the controls are in view');
  assert.ok(await inView('.witness-col.left .compare-text'), 'the left witness starts in view');
  assert.ok(await inView('.witness-col.right .compare-text'), 'the right witness starts in view');
  assert.deepEqual(page.problems, []);
});

/** Tab to a highlight (with visible focus), Enter compares, n steps, Escape returns. */
async function compareByKeyboard(page) {
  assert.ok(await tabTo(page, 'mark.shared'), 'a highlight is reachable with Tab');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.locator('section.compare').waitFor();
  const before = await page.locator('.compare-info').innerText();
  await page.keyboard.press('n');
  await page.waitForFunction((b) => document.querySelector('.compare-info')?.innerText !== b, before);
  await page.keyboard.press('Escape');
  await page.locator('article.article').waitFor();
}

test('the skip link is the first Tab stop and reaches the first highlight within 5 Tabs', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.keyboard.press('Tab');
  const skip = page.locator('button.skip-link');
  assert.ok(await skip.evaluate((e) => e === document.activeElement), 'the first Tab stop is the skip link');
  assert.ok(await skip.isVisible(), 'it shows while focused');
  await page.keyboard.press('Enter');
  // One Tab spent on the skip link, at most four more to the first highlight.
  assert.ok(await tabTo(page, 'article.article mark.shared', 4), 'a highlight within 5 Tabs of the page top');
  assert.deepEqual(page.problems, []);
});

test('keyboard only: Tab to a highlight, Enter, then n steps to another passage', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await compareByKeyboard(page);
  assert.deepEqual(page.problems, []);
});

test('a deep link to a compare view survives reload; back and forward work', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  const firstHash = await page.evaluate(() => location.hash);
  assert.match(firstHash, /^#\/read\//);
  await page.locator('mark.shared', { hasText: '仲夏时节' }).first().click();
  await page.locator('section.compare').waitFor();
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#\/compare\/\d+\/\d+\/\d+\?min=20$/);
  const info = await page.locator('.compare-info').innerText();
  const right = await page.locator('.witness-col.right .compare-text').innerText();
  await page.reload();
  await page.locator('section.compare').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('.compare-info').innerText(), info);
  assert.equal(await page.locator('.witness-col.right .compare-text').innerText(), right);
  await page.goBack();
  await page.locator('article.article').waitFor();
  assert.equal(await page.evaluate(() => location.hash), firstHash);
  await page.goForward();
  await page.locator('section.compare').waitFor();
  assert.equal(await page.locator('.compare-info').innerText(), info);
  assert.deepEqual(page.problems, []);
});

test('the filter narrows the list, and provenance marks the article on the raw page', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.fill('input.filter', '冰雪');
  const titles = await page.locator('.article-link .article-title').allInnerTexts();
  assert.ok(titles.length >= 1 && titles.every((t) => t.includes('冰雪')), JSON.stringify(titles));
  await page.locator('.article-link').first().click();
  await page.getByRole('button', { name: /Raw page/ }).click();
  const marked = await page.locator('pre.raw-text mark.prov').allInnerTexts();
  assert.ok(marked.join('').includes('将军山国际滑雪度假区'), 'the article is marked in the raw page');
  // It opens scrolled to the article, which starts far down the page.
  await page.waitForFunction(() => {
    const box = document.querySelector('pre.raw-text mark.prov').getBoundingClientRect();
    return box.top >= 0 && box.top < innerHeight;
  }, null, { timeout: 5_000 });
  assert.ok(await page.locator('pre.raw-text').evaluate((pre) => pre.getBoundingClientRect().top < -1000), 'the page is scrolled past its top');
  assert.deepEqual(page.problems, []);
});

test('on a phone the sidebar folds behind a button and the text stays readable', async () => {
  const page = await h.newPage({ viewport: { width: 375, height: 800 } });
  await ready(page);
  assert.equal(await page.locator('.source-list').isVisible(), false);
  const para = page.locator('p.para').first();
  const box = await para.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `paragraph fits the screen: ${JSON.stringify(box)}`);
  await page.screenshot({ path: path.join(SHOTS, 'mobile-light.png') });
  // The text has at least three quarters of the screen: every control
  // folds behind one menu, and the corpus controls behind the sources.
  const text = async () => (await page.locator('main.reading').boundingBox()).height;
  assert.ok(await text() >= 0.75 * 800, `the text gets ${await text()} of 800 px`);
  assert.equal(await page.locator('#search').isVisible(), false);
  await page.getByRole('button', { name: 'Menu' }).click();
  assert.equal(await page.locator('#search').isVisible(), true);
  await page.screenshot({ path: path.join(SHOTS, 'mobile-menu.png') });
  await page.getByRole('button', { name: 'Menu' }).click();
  // Scrolling down the text hides the bars; scrolling up brings them back.
  await page.locator('main.reading').evaluate((m) => { m.scrollTop = 400; });
  await page.waitForFunction(() => document.querySelector('.topbar').offsetParent === null);
  assert.ok(await text() >= 790, `the bars give the text the screen: ${await text()}`);
  await page.screenshot({ path: path.join(SHOTS, 'mobile-reading.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SHOTS, 'mobile-reading-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator('main.reading').evaluate((m) => { m.scrollTop = 100; });
  await page.locator('.topbar').waitFor({ state: 'visible' });
  await page.locator('main.reading').evaluate((m) => { m.scrollTop = 0; });
  await page.locator('.sidebar-toggle').click();
  assert.equal(await page.locator('.source-list').isVisible(), true);
  await page.screenshot({ path: path.join(SHOTS, 'mobile-sidebar.png') });
  assert.deepEqual(page.problems, []);
});

test('dark theme follows the system', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await ready(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, 'rgb(251, 250, 247)');
  await page.screenshot({ path: path.join(SHOTS, 'desktop-dark.png') });
  assert.deepEqual(page.problems, []);
});

test('settings apply live: a longer minimum re-analyses in the worker and finds fewer passages', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  const count = async () => Number((await page.locator('.status').innerText()).match(/(\d+) shared passages/)[1]);
  const before = await count();
  await openSettings(page);
  await page.fill('#min-len', '120');
  await page.locator('#min-len').press('Enter');
  await page.waitForFunction((b) => {
    const m = document.querySelector('.status[data-state="ready"]')?.innerText.match(/(\d+) shared passages/);
    return m && Number(m[1]) < b;
  }, before, { timeout: 30_000 });
  const after = await count();
  assert.ok(after > 0 && after < before, `${before} → ${after}`);
  // Every highlight now covers at least 120 characters of shared text.
  await page.locator('mark.shared').first().hover();
  assert.match(await page.locator('aside.witnesses h3').innerText(), /(\d{3,}) chars/);
  assert.deepEqual(page.problems, []);
});

test('the URL says the settings, the word view and the search, and a reload restores them', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await openSettings(page);
  await page.fill('#min-len', '40');
  await page.locator('#min-len').press('Enter');
  await page.check('#show-stock');
  await page.waitForFunction(() => /[?&]min=40&stock$/.test(location.hash), null, { timeout: 30_000 });
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  await page.click('button.word-view');
  await page.waitForFunction(() => location.hash.endsWith('&stock&words'));
  const reading = await page.evaluate(() => location.hash);
  await page.reload();
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('#min-len')?.value === '40', null, { timeout: 30_000 });
  assert.equal(await page.isChecked('#show-stock'), true);
  assert.equal(await page.locator('button.word-view').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => location.hash), reading);
  // A search, in concordance mode, is a link too.
  await page.fill('#search', '阿斯塔纳');
  await page.locator('.search-view h2', { hasText: 'hits' }).waitFor({ timeout: 30_000 });
  await page.click('button:has-text("Concordance")');
  await page.waitForFunction(() => location.hash.startsWith('#/concordance/' + encodeURIComponent('阿斯塔纳')) && location.hash.includes('min=40'));
  await page.reload();
  await page.locator('.kwic-line').first().waitFor({ timeout: 30_000 });
  assert.equal(await page.inputValue('#search'), '阿斯塔纳');
  assert.equal(await page.locator('button:has-text("Concordance")').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(page.problems, []);
});

test('the overview matrix has the 000/001/002 block hottest, and a cell opens that pair', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await page.getByRole('button', { name: /^Overview$/ }).click();
  await page.locator('table.matrix').waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#/overview?min=20');
  // The hottest cell: rows and columns are labelled "<source> · <title>".
  const hottest = await page.evaluate(() => {
    let best = null;
    for (const td of document.querySelectorAll('table.matrix td[data-shared]')) {
      const v = Number(td.dataset.shared);
      if (!best || v > best.v) {
        const row = td.parentElement.querySelector('th').innerText;
        const col = td.closest('table').querySelectorAll('thead th')[td.cellIndex].innerText;
        best = { v, row, col };
      }
    }
    return best;
  });
  const src = (label) => label.split(' · ')[0].trim();
  assert.ok(['000', '001', '002'].includes(src(hottest.row)) && ['000', '001', '002'].includes(src(hottest.col)), JSON.stringify(hottest));
  await page.screenshot({ path: path.join(SHOTS, 'overview.png') });
  await page.locator('table.matrix td.h5 button').first().click();
  await page.locator('section.compare').waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/compare\//);
  assert.deepEqual(page.problems, []);
});

test('? shows the shortcuts, and the theme menu switches at the first choice and is remembered', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: /Keyboard shortcuts/ }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('dialog').count(), 0);
  // On a light system, the first choice already changes what is seen.
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const before = await background();
  await openSettings(page);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.notEqual(await background(), before, 'the page is dark at once');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('auto');
  assert.equal(await background(), before, 'auto on a light system is light');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.reload();
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.screenshot({ path: path.join(SHOTS, 'desktop-dark-toggled.png') });
  assert.deepEqual(page.problems, []);
});

test('the interface follows the browser language, switches to Chinese, and remembers it', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.locator('.status').innerText(), /shared passages/);
  await openSettings(page);
  await page.getByRole('button', { name: /Interface language/ }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(await page.locator('.status').innerText(), /共享段落/);
  assert.equal(await page.locator('.sidebar-heading').innerText(), '来源');
  await page.reload();
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('.status').innerText(), /共享段落/);
  await page.screenshot({ path: path.join(SHOTS, 'desktop-zh.png') });
  assert.deepEqual(page.problems, []);
});

test('a Chinese browser gets the Chinese interface', async () => {
  const page = await h.newPage({ viewport: { width: 375, height: 800 }, locale: 'zh-CN', colorScheme: 'dark' });
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.screenshot({ path: path.join(SHOTS, 'mobile-dark-zh.png') });
  assert.deepEqual(page.problems, []);
});

test('printing gives one article: no bars, no lists, highlights as plain text, into a PDF', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.topbar', '.sidebar']) assert.equal(await page.locator(chrome).isVisible(), false, chrome);
  assert.ok(await page.locator('h2.article-title').isVisible());
  const tint = await page.locator('mark.shared').first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.equal(tint, 'rgba(0, 0, 0, 0)');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10_000);
  fs.writeFileSync(path.join(SHOTS, 'print.pdf'), pdf);
  assert.deepEqual(page.problems, []);
});

test('keyboard only: search, open a hit, word view, compare, step and go back, all without a pointer', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.locator('.keywords .keyword').first().waitFor({ timeout: 30_000 });
  // `/` focuses the search box; typing searches; Enter opens the best hit.
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.keyboard.type('阿斯塔纳');
  await page.locator('.search-view h2', { hasText: 'hits' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#search').inputValue(), '阿斯塔纳', 'every character typed is kept');
  await page.keyboard.press('Enter');
  await page.locator('#focus-hit').waitFor();
  assert.equal(await page.locator('#focus-hit').innerText(), '阿斯塔纳');
  // Escape in the search box clears it; Tab reaches the word-view toggle.
  // (Focus is still in the box, so `/` types itself there.) The box shows
  // the cleared query once the app has drawn it, which on a loaded
  // machine is after the key press returns: wait for it, not a fixed read.
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#search').value === '', null, { timeout: 5_000 });
  assert.ok(await tabTo(page, 'button.word-view', 40));
  await page.keyboard.press('Enter');
  await page.locator('p.para .w').first().waitFor();
  await compareByKeyboard(page);
  assert.deepEqual(page.problems, []);
});

test('a character typed while the address bar catches up is kept', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  // A listener ahead of the app's that can hold a hashchange back from it.
  await page.addInitScript(() => {
    window.addEventListener('hashchange', (e) => {
      if (window.holdHashchange) {
        e.stopImmediatePropagation();
        window.holdHashchange(e);
        window.holdHashchange = null;
      }
    });
  });
  await ready(page);
  // The first character of a query moves the URL to the search screen;
  // the browser says so (hashchange) later, as a task of its own. On a
  // busy machine the app may not have rewritten the URL for the next
  // character yet when that event comes: following it put the query back
  // to its first character (`阿斯塔纳` typed came out `阿塔纳`). Here the
  // event is held back while the second character is typed and drawn,
  // then comes with the URL as it was, as if the app had not caught up.
  const value = await page.evaluate(async () => {
    const box = document.querySelector('#search');
    box.focus();
    const type = (text, data) => {
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data }));
    };
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    const held = new Promise((resolve) => { window.holdHashchange = resolve; });
    type('阿', '阿');
    const echo = await held;
    type('阿斯', '斯');
    await pause(300);
    history.replaceState(null, '', echo.newURL);
    window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: echo.oldURL, newURL: echo.newURL }));
    await pause(300);
    return box.value;
  });
  assert.equal(value, '阿斯');
  await page.locator('.search-view h2', { hasText: 'hits' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#search').inputValue(), '阿斯');
  // The reader's own moves still count: Back returns to the article.
  await page.goBack();
  await page.locator('article.article').first().waitFor();
  assert.equal(await page.locator('.search-view').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('a link to nothing says what was not found, keeps the URL, and offers the way back', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await ready(page);
  // Its title and paragraphs (the keywords beside them come when the
  // worker has the dictionary, whenever that is).
  const text = () => page.locator('article.article').first().locator('h2, p.para').allInnerTexts();
  const reading = await text();
  assert.ok(reading.length > 1, JSON.stringify(reading));
  for (const bad of ['#/read/nope.txt/99', '#/compare/999/1/2']) {
    await page.evaluate((hash) => { window.location.hash = hash; }, bad);
    const missing = page.locator('section.missing');
    await missing.waitFor();
    assert.ok((await missing.innerText()).includes(bad), await missing.innerText());
    assert.equal(await page.locator('article.article').count(), 0, 'the old article is not left on screen');
    assert.equal(new URL(page.url()).hash, bad, 'the URL still says what was asked for');
    await missing.locator('a').click();
    await page.locator('article.article').first().waitFor();
    assert.deepEqual(await text(), reading, 'back to the article read before');
  }
  assert.deepEqual(page.problems, []);
});
