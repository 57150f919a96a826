// Your own corpus: dropping files in, keeping them, encodings, exports,
// passim in and out, and working offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, SHOTS, ROOT, openReady, tongwen, dropFiles } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const seed = (n) => fs.readdirSync(path.join(ROOT, 'www/corpus')).find((f) => f.startsWith(n));
const FILES = {
  '000.txt': fs.readFileSync(path.join(ROOT, 'www/corpus', seed('000'))),
  '001.txt': fs.readFileSync(path.join(ROOT, 'www/corpus', seed('001'))),
  // The 002 page (which reprints the Wang Yi interview) in GB18030.
  '002-gb18030.txt': fs.readFileSync(path.join(ROOT, 'tests/fixtures/002-gb18030.txt')),
  'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]),
};

const ready = (page, url = h.url) => openReady(page, url);

/** Drops `names` (from FILES, or [name, Buffer] pairs) onto the page, as a user drags files in. */
const drop = (page, names) => dropFiles(page, names.map((n) => (Array.isArray(n) ? { name: n[0], bytes: n[1] } : { name: n, bytes: FILES[n] })));

/** Clicks `button` (opening the export menu first if it is in there) and returns the download. */
async function download(page, button) {
  const inMenu = await page.locator(button).evaluate((b) => !!b.closest('.export-menu'));
  if (inMenu && !(await page.locator('.export-menu').evaluate((d) => d.open))) await page.click('.export-menu summary');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** The CLI's JSON for the same files, under the same names, as bytes. */
function cliJson(names) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongwen-cli-'));
  for (const n of names) fs.writeFileSync(path.join(dir, n), FILES[n]);
  const out = tongwen(['analyze', '--json', ...names.map((n) => path.join(dir, n))], { maxBuffer: 1 << 28 });
  fs.rmSync(dir, { recursive: true });
  return out;
}

/** A cluster as the sorted (document, begin, end) of its witnesses. */
const shape = (passages) => passages.map((p) => p.members.map((m) => `${m.doc}@${m.begin}-${m.end}`).sort().join(' ')).sort();

test('dropping two files (one GB18030) makes a new corpus with their shared passages, kept across a reload', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await drop(page, ['000.txt', '002-gb18030.txt', 'photo.png']);
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  // The PNG is refused next to its name; the two pages are in.
  assert.match(await page.locator('.rejected').innerText(), /photo\.png: not a text file: this looks like a PNG image/);
  const metas = await page.locator('.source-meta').allInnerTexts();
  assert.match(metas[0], /UTF-8/);
  assert.match(metas[1], /GBK|gb18030/i);
  assert.ok(await page.locator('article.article mark.shared').count() > 0, 'shared passages between the two');
  const corpus = await page.locator('#corpus option:checked').innerText();
  assert.match(corpus, /^000 · .* \(2\)$/);
  await page.screenshot({ path: path.join(SHOTS, 'corpus-dropped.png') });
  await page.reload();
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#corpus option:checked').innerText(), corpus);
  assert.deepEqual((await page.locator('.source-meta').allInnerTexts()).map((m) => m.split(' · ').pop()), metas.map((m) => m.split(' · ').pop()));
  assert.ok(await page.locator('article.article mark.shared').count() > 0);
  // The built-in corpus is still one choice away, unchanged.
  await page.selectOption('#corpus', '');
  await page.locator('.status[data-state="ready"]', { hasText: '5 sources' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(page.problems, []);
});

test('a file can be read in another encoding, renamed and removed; a second corpus is made from new files', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await drop(page, ['000.txt', '002-gb18030.txt']);
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  await page.locator('button.source').nth(1).click();
  await page.selectOption('.doc-controls select.encoding', 'UTF-8');
  await page.locator('.source-meta', { hasText: '· UTF-8' }).nth(1).waitFor({ timeout: 30_000 });
  assert.match(await page.locator('.warning').first().innerText(), /not valid UTF-8/);
  await page.locator('button.source').nth(1).click();
  await page.selectOption('.doc-controls select.encoding', '');
  await page.locator('.source-meta', { hasText: /GBK|gb18030/i }).waitFor({ timeout: 30_000 });
  await page.locator('button.source').nth(1).click();
  page.once('dialog', (d) => d.accept('第二版'));
  await page.click('.doc-controls .rename-doc');
  await page.locator('button.source[title="002-gb18030.txt"] .source-name', { hasText: '第二版' }).waitFor({ timeout: 30_000 });
  await page.locator('button.source').nth(1).click();
  await page.click('.doc-controls .remove-doc');
  await page.locator('.status[data-state="ready"]', { hasText: 'Ready · 1 source ·' }).waitFor({ timeout: 30_000 });
  // Files picked with "New corpus" start another corpus beside this one.
  const first = await page.locator('#corpus option:checked').innerText();
  await page.locator('#new-corpus').setInputFiles({ name: '001.txt', mimeType: 'text/plain', buffer: FILES['001.txt'] });
  await page.locator('.status[data-state="ready"]', { hasText: 'Ready · 1 source ·' }).waitFor({ timeout: 30_000 });
  await page.waitForFunction((first) => document.querySelector('#corpus option:checked')?.textContent.startsWith('001 · '), first, { timeout: 30_000 });
  assert.ok((await page.locator('#corpus option').allInnerTexts()).includes(first), 'the first corpus is still there');
  assert.deepEqual(page.problems, []);
});

test('sources are named by the paper and date their pages print, told apart everywhere, and renamed by the user', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  const header = (line, file) => [file, Buffer.concat([Buffer.from(`${line}\n\n`), FILES[file.startsWith('a') ? '000.txt' : '001.txt']])];
  await drop(page, [header('人民日报 2025年6月19日 星期四 第03版', 'a.txt'), header('新疆日报 2025年6月19日 星期四 第01版', 'b.txt')]);
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await page.locator('.source .source-name').allInnerTexts(), ['人民日报 · 2025-06-19', '新疆日报 · 2025-06-19']);
  // The matrix names each article by its paper, date and title.
  await page.getByRole('button', { name: /^Overview$/ }).click();
  const heads = await page.locator('table.matrix tbody th').allInnerTexts();
  assert.ok(heads.some((t) => t.startsWith('人民日报 · 2025-06-19 · ')) && heads.some((t) => t.startsWith('新疆日报 · 2025-06-19 · ')), JSON.stringify(heads));
  assert.ok(!heads.some((t) => /^\d+·\d+$/.test(t)), 'no bare numbers');
  await page.screenshot({ path: path.join(SHOTS, 'overview-named-sources.png') });
  // A name the user gives is kept with the corpus and travels in exports.
  await page.locator('button.source').nth(1).click();
  page.once('dialog', (d) => d.accept('阿勒泰日报'));
  await page.click('.doc-controls .rename-doc');
  await page.locator('.source .source-name', { hasText: '阿勒泰日报' }).waitFor({ timeout: 30_000 });
  const json = JSON.parse((await download(page, '#export-json')).bytes);
  assert.deepEqual(json.documents.map((d) => d.name), ['人民日报 · 2025-06-19', '阿勒泰日报']);
  assert.equal(json.documents[0].paper, '人民日报');
  assert.equal(json.documents[0].date, '2025-06-19');
  await page.reload();
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await page.locator('.source .source-name').allInnerTexts(), ['人民日报 · 2025-06-19', '阿勒泰日报']);
  await page.screenshot({ path: path.join(SHOTS, 'sources-renamed.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SHOTS, 'sources-renamed-dark.png') });
  await page.getByRole('button', { name: /^Overview$/ }).click();
  await page.screenshot({ path: path.join(SHOTS, 'overview-named-sources-dark.png') });
  assert.deepEqual(page.problems, []);
});

test('a built-in source is renamed without an analysis, keeps its name across visits and in exports, and a blank name gives back the found one', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  const names = () => page.locator('.source .source-name').allInnerTexts();
  assert.deepEqual((await names()).slice(0, 2), ['000', '001']);
  await page.locator('button.source').nth(1).click();
  assert.equal(await page.locator('.doc-controls .remove-doc').count(), 0, "the site's sources cannot be removed");
  // Every state the status line passes through from here.
  await page.evaluate(() => {
    window.statesSeen = [];
    new MutationObserver(() => window.statesSeen.push(document.querySelector('.status')?.dataset.state)).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  page.once('dialog', (d) => d.accept('新疆日报 · 6月19日'));
  await page.click('.doc-controls .rename-doc');
  await page.locator('.source .source-name', { hasText: '新疆日报 · 6月19日' }).waitFor({ timeout: 10_000 });
  assert.deepEqual([...new Set(await page.evaluate(() => window.statesSeen))], ['ready'], 'no analysis ran');
  const json = JSON.parse((await download(page, '#export-json')).bytes);
  assert.deepEqual(json.documents.map((d) => d.name).slice(0, 2), ['000', '新疆日报 · 6月19日']);
  await page.reload();
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  assert.deepEqual((await names()).slice(0, 2), ['000', '新疆日报 · 6月19日']);
  // On a phone, in the folded source list, light and dark.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.click('.sidebar-toggle');
  await page.locator('.source .source-name', { hasText: '新疆日报 · 6月19日' }).waitFor({ state: 'visible' });
  await page.screenshot({ path: path.join(SHOTS, 'sources-renamed-phone.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SHOTS, 'sources-renamed-phone-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.click('.sidebar-toggle');
  await page.setViewportSize({ width: 1280, height: 900 });
  // The overview's matrix and list name it so too.
  await page.getByRole('button', { name: /^Overview$/ }).click();
  assert.ok((await page.locator('table.matrix tbody th').allInnerTexts()).some((t) => t.startsWith('新疆日报 · 6月19日 · ')));
  await page.locator('button.source').nth(1).click();
  page.once('dialog', (d) => d.accept(''));
  await page.click('.doc-controls .rename-doc');
  await page.waitForFunction(() => document.querySelectorAll('.source .source-name')[1]?.textContent === '001', null, { timeout: 10_000 });
  await page.reload();
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  assert.deepEqual((await names()).slice(0, 2), ['000', '001']);
  assert.deepEqual(page.problems, []);
});

test('pasted text is the source the user named, not a line wrapped from its middle', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await page.getByRole('button', { name: 'Paste text' }).click();
  // Hard-wrapped text whose second line looks like a headline, under a
  // masthead: the name typed still wins.
  await page.fill('#paste-text', '人民日报 2025年6月19日 星期四\n\n' + FILES['000.txt'].toString().split('\n').slice(0, 40).join('\n'));
  await page.fill('#paste-name', '我的剪报');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('.status[data-state="ready"]', { hasText: 'Ready · 1 source ·' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await page.locator('.source .source-name').allInnerTexts(), ['我的剪报']);
  assert.deepEqual(page.problems, []);
});

test('exports parse, the JSON is the CLI\'s, and passim JSON Lines round-trip to the same clusters', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await drop(page, ['000.txt', '001.txt', '002-gb18030.txt']);
  await page.locator('.status[data-state="ready"]', { hasText: '3 sources' }).waitFor({ timeout: 30_000 });
  const json = await download(page, '#export-json');
  assert.equal(json.name, 'tongwen-analysis.json');
  const analysis = JSON.parse(json.bytes);
  // The same bytes as the CLI's, the final newline included.
  const cli = cliJson(['000.txt', '001.txt', '002-gb18030.txt']);
  assert.deepEqual(analysis, JSON.parse(cli));
  assert.ok(json.bytes.equals(cli), `${json.bytes.length} bytes against the CLI's ${cli.length}`);
  assert.ok(analysis.passages.length > 0);

  const md = (await download(page, '#export-md')).bytes.toString();
  assert.match(md, /^<!-- 000\.txt#1 -->\n# 弘扬中国—中亚精神，致力永久睦邻友好\n/);
  for (const button of ['#export-md-zip', '#export-txt-zip']) {
    const zip = await download(page, button);
    const file = path.join(os.tmpdir(), `tongwen-${process.pid}.zip`);
    fs.writeFileSync(file, zip.bytes);
    const names = JSON.parse(execFileSync('python3', ['-c', 'import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', file]));
    fs.rmSync(file);
    assert.equal(names.length, analysis.documents.reduce((n, d) => n + d.articles.length, 0));
    assert.ok(names[0].startsWith('000/01-'), names[0]);
  }
  const csvBytes = (await download(page, '#export-csv')).bytes;
  // A byte order mark first, so Excel reads the Chinese as UTF-8.
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const csv = csvBytes.subarray(3).toString().trim().split('\n');
  assert.equal(csv[0], 'passage,story,witnesses,kind,document,source,date,article,title,begin,end,text');
  const jsonl = await download(page, '#export-passim');
  const records = jsonl.bytes.toString().trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(records.length, analysis.passages.reduce((n, p) => n + p.members.length, 0));
  for (const r of records) for (const k of ['id', 'series', 'begin', 'end', 'cluster', 'size', 'text']) assert.ok(k in r, k);

  // TEI for the story of a passage, from the compare view; it parses as XML.
  await page.locator('article.article mark.shared').first().click();
  const tei = (await download(page, 'button.tei')).bytes.toString();
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, witnesses: doc.getElementsByTagName('witness').length, apps: doc.getElementsByTagName('app').length };
  }, tei);
  assert.equal(parsed.error, null);
  assert.ok(parsed.witnesses >= 2 && parsed.apps >= 1, JSON.stringify(parsed));

  // The JSON Lines go back in as passim output: the same clusters come back.
  await page.locator('#add-files').setInputFiles({ name: 'out.json', mimeType: 'application/json', buffer: jsonl.bytes });
  await page.locator('.status[data-state="ready"]', { hasText: 'Passages from passim output' }).waitFor({ timeout: 30_000 });
  const again = JSON.parse((await download(page, '#export-json')).bytes);
  assert.deepEqual(shape(again.passages), shape(analysis.passages));
  assert.deepEqual(page.problems, []);
});

test('a passim output fixture shows passim\'s clusters instead of computed ones', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await drop(page, ['000.txt', '001.txt', ['out.json', fs.readFileSync(path.join(ROOT, 'tests/fixtures/passim-out.json'))]]);
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources · 2 shared passages · Passages from passim output' }).waitFor({ timeout: 30_000 });
  // The first cluster covers the opening of the Wang Yi interview in 000.
  await page.locator('mark.shared', { hasText: '2025年6月16日' }).first().hover();
  const panel = page.locator('aside.witnesses');
  await panel.waitFor();
  // The witness is 001, named by its file (it prints no masthead).
  assert.match(await panel.innerText(), /^001/m);
  assert.deepEqual(page.problems, []);
});

test('offline after one visit: the app, the seeds and the user corpus all work', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await drop(page, ['000.txt', '002-gb18030.txt']);
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  await page.locator('.keywords .keyword').first().waitFor({ timeout: 30_000 }); // the dictionary has loaded once
  await page.context().setOffline(true);
  await page.reload();
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  assert.ok(await page.locator('article.article mark.shared').count() > 0);
  await page.locator('.keywords .keyword').first().waitFor({ timeout: 30_000 });
  await page.selectOption('#corpus', '');
  await page.locator('.status[data-state="ready"]', { hasText: '5 sources' }).waitFor({ timeout: 30_000 });
  assert.ok(await page.locator('article.article mark.shared').count() > 0);
  await page.screenshot({ path: path.join(SHOTS, 'offline.png') });
  assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
});
