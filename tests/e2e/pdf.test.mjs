// PDFs dropped on the page: read by pdf.js in the worker (fetched only
// then), laid out by the engine, and refused with a reason when they
// cannot be read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, SHOTS, ROOT, openReady, dropFiles } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const fixture = (p) => fs.readFileSync(path.join(ROOT, 'tests/fixtures', p));

/** CRC-32 (IEEE), for the zip below. */
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A zip of `files` ({ name, bytes }), stored uncompressed. */
function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const { name, bytes } of files) {
    const n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt32LE(crc32(bytes), 14);
    head.writeUInt32LE(bytes.length, 18); head.writeUInt32LE(bytes.length, 22); head.writeUInt16LE(n.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); entry.writeUInt16LE(20, 4); entry.writeUInt16LE(20, 6); entry.writeUInt32LE(crc32(bytes), 16);
    entry.writeUInt32LE(bytes.length, 20); entry.writeUInt32LE(bytes.length, 24); entry.writeUInt16LE(n.length, 28); entry.writeUInt32LE(offset, 42);
    locals.push(head, n, bytes);
    central.push(entry, n);
    offset += 30 + n.length + bytes.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

test('the first view fetches no PDF code, and a text file dropped fetches none either', async () => {
  const page = await h.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await openReady(page, h.url);
  await dropFiles(page, [{ name: 'page.txt', bytes: Buffer.from('本报讯 今天天气很好。\n') }]);
  await page.locator('.status[data-state="ready"]', { hasText: '1 source' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(urls.filter((u) => u.includes('pdfjs')), []);
});

test('dropped PDFs become articles with their shared passage, and each bad one says why', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await openReady(page, h.url);
  const papers = zip([{ name: 'a.pdf', bytes: fixture('typeset-pdf/reprint/a.pdf') }, { name: 'b.pdf', bytes: fixture('typeset-pdf/reprint/b.pdf') }]);
  await dropFiles(page, [
    { name: 'papers.zip', bytes: papers },
    { name: 'locked.pdf', bytes: fixture('pdf/locked.pdf') },
    { name: 'scan.pdf', bytes: fixture('pdf/scan.pdf') },
    { name: 'broken.pdf', bytes: Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj', 'latin1') },
  ]);
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 60_000 });
  const rejected = await page.locator('.rejected').innerText();
  assert.match(rejected, /locked\.pdf: encrypted; tongwen cannot read it without the password/);
  assert.match(rejected, /scan\.pdf: a PDF with no text layer on its 1 page\(s\), a scan perhaps: it needs OCR first/);
  assert.match(rejected, /broken\.pdf: a damaged PDF \(/);
  // Both papers' copies of the report: its title, and the text they share.
  assert.match(await page.locator('article.article h2, article.article .title').first().innerText(), /中共中央政治局|能源/);
  assert.ok(await page.locator('article.article mark.shared').count() > 0, 'the shared report is highlighted');
  const metas = await page.locator('.source-meta').allInnerTexts();
  assert.ok(metas.every((m) => /PDF/.test(m)), metas.join(' | '));
  // A PDF has no encoding to choose.
  assert.equal(await page.locator('select.encoding').count(), 0);
  // pdf.js came only now, from the site itself.
  const pdfjs = urls.filter((u) => u.includes('pdfjs/'));
  assert.ok(pdfjs.some((u) => u.endsWith('pdf.min.mjs')), urls.join('\n'));
  assert.ok(pdfjs.every((u) => u.startsWith(h.url)));
  await page.screenshot({ path: path.join(SHOTS, 'pdfs-dropped.png') });
  // The compare view sets the two papers' copies side by side.
  await page.locator('article.article mark.shared').first().click();
  await page.locator('section.compare').waitFor();
  const sides = await Promise.all(['left', 'right'].map((s) => page.locator(`.witness-col.${s} .witness-source`).innerText()));
  assert.ok(sides.some((s) => /人民日报/.test(s)) && sides.some((s) => /湖北日报/.test(s)), sides.join(' | '));
  const texts = await Promise.all(['left', 'right'].map(async (s) => (await page.locator(`.witness-col.${s} .compare-text`).innerText()).replace(/\s/g, '')));
  assert.ok(texts.every((t) => t.includes('中共中央政治局2月29日下午')), texts.map((t) => t.slice(0, 30)).join(' | '));
  await page.keyboard.press('Escape');
  // Kept across a reload as their positioned text: no PDF reader needed.
  const again = [];
  page.on('request', (r) => again.push(r.url()));
  await page.reload();
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(again.filter((u) => u.includes('pdfjs')), []);
  assert.deepEqual(page.problems.filter((p) => !/favicon/.test(p)), []);
});

test('a page set the Founder way, GBK codes and no ToUnicode, reads through the CMaps pdf.js fetches from the site', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await openReady(page, h.url);
  await dropFiles(page, [{ name: 'founder-gbk.pdf', bytes: fixture('pdf/founder-gbk.pdf') }]);
  await page.locator('.status[data-state="ready"]', { hasText: '1 source' }).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('article.article h2.article-title').innerText(), '黄河流域生态保护取得新进展');
  assert.match(await page.locator('article.article').innerText(), /流域内新增水土流失治理面积1\.2万平方公里/);
  const cmaps = urls.filter((u) => u.includes('pdfjs/cmaps/')).map((u) => u.slice(u.lastIndexOf('/') + 1));
  assert.deepEqual(cmaps.sort(), ['Adobe-GB1-UCS2.bcmap', 'GBK-EUC-H.bcmap']);
  assert.deepEqual(page.problems.filter((p) => !/favicon/.test(p)), []);
});
