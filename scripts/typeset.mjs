// The second reflow generator: real news items typeset into newspaper pages
// by a real layout engine, and extracted by real PDF tools, so its
// artefacts are not the reflow author's assumptions.
//
//   node scripts/typeset.mjs OUT_DIR [PAGES] [SEED] [reprint]
//
// Source text: the CCTV items of ../shared/corpus/dev/cctv-2024-03 (title,
// blank line, paragraphs); they are the gold. Layout: HTML and CSS printed
// to PDF by Chromium (Playwright's page.pdf is Chromium's print-to-PDF):
// 2–6 justified columns of 8–30 cells, headline blocks spanning columns,
// subtitles, bylines, datelines, photo captions, two articles side by side,
// an article continued onto the next page behind a jump marker, and page
// headers and footers on every PDF page. Extraction: poppler's pdftotext in
// its default, -raw and -layout modes, and pdf.js (pdfjs-dist).
//
// Writes OUT_DIR/gold/NNN.json ({ articles: [{ title, subtitle, byline,
// paragraphs, layout: { columns, cells, side } }] }, a continued article's
// second part without a title; `side`: set beside another article),
// OUT_DIR/<mode>/NNN.txt for mode in default, raw, layout, pdfjs, the
// PDFs themselves in OUT_DIR/pdf, and pdf.js's positioned text runs in
// OUT_DIR/pdfjs-runs/NNN.json (tongwen's PositionedDocument: pages of
// { width, height, runs: [{ text, x, y, width, size }] }, points from the
// page's top left), so the reflow by layout can be scored on a second
// extractor. With `reprint`, also OUT_DIR/reprint/{a,b}.pdf: one long
// report typeset by two papers in two layouts (a reprint, for the reuse
// engine to find in PDFs).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

// pdf.js 6 expects Promise.withResolvers (Node 22); Debian's Node 20 lacks it.
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new Promise((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
};
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// Adobe's predefined CMaps, read from disk by pdf.js in Node.
const CMAPS = path.resolve(import.meta.dirname, '../node_modules/pdfjs-dist/cmaps') + '/';
// pdf.js's positioned text, as the app's worker reads a dropped PDF.
const { positionedText } = await import('../crates/worker/src/pdf_reader.js');

const ROOT = path.resolve(import.meta.dirname, '..');
const DEV = path.join(ROOT, '../shared/corpus/dev/cctv-2024-03');
const [out, pagesArg, seedArg] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/typeset.mjs OUT_DIR [PAGES] [SEED]');
  process.exit(2);
}
const PAGES = Number(pagesArg || 60);
/** mulberry32: a small seeded generator of 32-bit values, so a page set
 *  can be rebuilt. */
function mulberry32(start) {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
const draw = mulberry32(Number(seedArg || 1));
const rand = () => draw() / 4294967296;
// The body's leading, drawn per page from its own stream, so the pages
// the main stream draws stay the same. Papers set body text from about
// 1.3 to 1.6 times its size, and poppler's default mode keeps lines in one
// block only up to 1.5 (maxLineSpacingDelta): above it, every line is a
// block of its own, and side-by-side columns come out line by line,
// interleaved. A fixed 1.55 made every page the interleaved kind.
const LEADINGS = [1.3, 1.35, 1.4, 1.45, 1.55, 1.6];
const drawLeading = mulberry32(Number(seedArg || 1) ^ 0x5bd1e995);
const leading = () => LEADINGS[drawLeading() % LEADINGS.length];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;

const ends = /[。！？”’」）]$/;
/** Items whose every paragraph is a sentence (no subheadings), 2–9 paragraphs. */
function items() {
  const out = [];
  for (const f of fs.readdirSync(DEV).filter((f) => f.endsWith('.txt')).sort()) {
    const blocks = fs.readFileSync(path.join(DEV, f), 'utf8').split(/\n\s*\n/).map((b) => b.replace(/\s*\n\s*/g, '').trim()).filter(Boolean);
    const [title, ...paragraphs] = blocks;
    if (paragraphs.length < 2 || paragraphs.length > 9 || !paragraphs.every((p) => ends.test(p))) continue;
    out.push({ file: f, title, paragraphs });
  }
  return out;
}

const PAPERS = ['人民日报', '光明日报', '经济日报', '新疆日报', '解放日报', '南方日报', '湖北日报', '四川日报'];
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
const REPORTERS = ['王嵘', '陈尚文', '董越', '李明', '韩墨', '周圆', '严冰', '张涛', '刘华', '赵鹏'];
const CITIES = ['北京', '上海', '乌鲁木齐', '武汉', '成都', '广州', '西安'];
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A CCTV title cut at its first space outside brackets: [title, subtitle or ''].
 *  Without a subtitle, the whole title. */
function splitTitle(t) {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if ('【《（“'.includes(c)) depth++;
    else if ('】》）”'.includes(c)) depth = Math.max(0, depth - 1);
    else if (/\s/.test(c) && depth === 0) return [t.slice(0, i), t.slice(i).trim().split(/\s+/).join(' ')];
  }
  return [t, ''];
}

/** One article as the paper prints it, and its gold. */
function article(item, day) {
  // CCTV titles put a subtitle after a space outside brackets: not the
  // space inside a 【…】 label or a 《…》 title (`《加强和改进人民政协工作
  // 全面发展协商民主》` is one title). The draw is made where any space
  // was, as before, so the pages drawn after such a title stay the same.
  const [title, rest] = splitTitle(item.title);
  const anySpace = /\s/.test(item.title.replace(/^【[^】]*】/, ''));
  const subtitle = anySpace && chance(0.7) && rest ? rest : null;
  const byline = chance(0.5) ? `本报记者　${pick(REPORTERS)}${chance(0.4) ? `　${pick(REPORTERS)}` : ''}` : null;
  const paragraphs = item.paragraphs.map((p, i) => {
    if (i > 0) return p;
    // The broadcaster's opening becomes a paper's dateline at times.
    const body = p.replace(/^央视网消息（新闻联播）：/, '');
    return chance(0.5) ? `本报${pick(CITIES)}3月${day}日电　${body}` : p;
  });
  return { title, subtitle, byline, paragraphs };
}

const css = (cellPx, lineHeight = 1.55) => `
  @page { size: 297mm 420mm; margin: 16mm 12mm; }
  body { margin: 0; font-family: "WenQuanYi Micro Hei", sans-serif; font-size: ${cellPx}px; line-height: ${lineHeight}; color: #111; }
  .art { margin: 0 0 14px; break-inside: auto; }
  .cols { column-gap: ${cellPx * 1.2}px; column-rule: 1px solid #bbb; text-align: justify; text-justify: inter-ideograph; }
  h1 { column-span: all; font-size: ${cellPx * 2}px; line-height: 1.25; margin: 6px 0 4px; }
  h2 { column-span: all; font-size: ${cellPx * 1.2}px; font-weight: normal; margin: 0 0 4px; }
  .byline { column-span: all; font-size: ${cellPx * 0.9}px; margin: 0 0 6px; }
  p { margin: 0; text-indent: 2em; }
  .jump { text-indent: 0; text-align: right; }
  .from { text-indent: 0; }
  figure { margin: 4px 0; break-inside: avoid; }
  figure .photo { height: ${cellPx * 8}px; background: #ddd; }
  figcaption { font-size: ${cellPx * 0.85}px; text-indent: 0; }
  .side { display: grid; gap: ${cellPx * 1.5}px; align-items: start; }
`;

/** An article's HTML: its block, in `n` columns of `cells` characters. */
function html(a, n, cells, cellPx, { jumpTo = null, from = null } = {}) {
  const width = n * cells * cellPx + (n - 1) * cellPx * 1.2;
  const parts = [];
  if (a.title) parts.push(`<h1>${esc(a.title)}</h1>`);
  if (a.subtitle) parts.push(`<h2>${esc(a.subtitle)}</h2>`);
  if (a.byline) parts.push(`<p class="byline">${esc(a.byline)}</p>`);
  if (from) parts.push(`<p class="from">（上接第${from}版）</p>`);
  a.paragraphs.forEach((p, i) => {
    parts.push(`<p>${esc(p)}</p>`);
    if (i === 0 && a.caption) parts.push(`<figure><div class="photo"></div><figcaption>${esc(a.caption)}</figcaption></figure>`);
  });
  if (jumpTo) parts.push(`<p class="jump">（下转第${jumpTo}版）</p>`);
  return `<section class="art cols" style="column-count:${n};width:${width}px">${parts.join('')}</section>`;
}

/** Every page: its HTML and gold. */
function compose() {
  const pool = items();
  if (pool.length < 20) throw new Error(`${DEV}: not enough items (${pool.length})`);
  const pages = [];
  let carry = null; // the rest of an article continued from the previous page
  let used = 0;
  const next = () => pool[(used++ * 7919 + Math.floor(rand() * pool.length)) % pool.length];
  for (let k = 0; k < PAGES; k++) {
    const cellPx = pick([12, 13, 14]);
    const lineHeight = leading();
    const day = int(1, 31);
    const page = int(1, 16);
    const blocks = [];
    const gold = [];
    if (carry) {
      const [n, cells] = [int(2, 4), int(10, 18)];
      blocks.push(html(carry.article, n, cells, cellPx, { from: carry.from }));
      gold.push({ title: null, subtitle: null, byline: null, paragraphs: carry.article.paragraphs, layout: { columns: n, cells, side: false } });
      carry = null;
    }
    const count = int(2, 4);
    const arts = Array.from({ length: count }, () => article(next(), day));
    for (const a of arts) if (chance(0.3)) a.caption = `图为${a.paragraphs[a.paragraphs.length - 1].replace(/^本报.*?电　/, '').slice(0, int(8, 16))}。新华社记者　${pick(REPORTERS)}　摄`;
    // Two articles side by side at times: their columns interleave in a dump.
    if (count >= 3 && chance(0.5)) {
      const [a, b] = arts.splice(0, 2);
      const [na, nb] = [int(1, 2), int(1, 2)];
      const [ca, cb] = [int(8, 16), int(8, 16)];
      blocks.push(`<div class="side" style="grid-template-columns:auto auto">${html(a, na, ca, cellPx)}${html(b, nb, cb, cellPx)}</div>`);
      gold.push({ ...a, layout: { columns: na, cells: ca, side: true } }, { ...b, layout: { columns: nb, cells: cb, side: true } });
    }
    arts.forEach((a, i) => {
      const n = int(2, 6);
      const cells = Math.max(8, Math.min(30, Math.floor(int(60, 84) / n)));
      // The last article of a page continues on the next one at times.
      if (i === arts.length - 1 && k + 1 < PAGES && a.paragraphs.length >= 3 && chance(0.35)) {
        const cut = int(1, a.paragraphs.length - 2);
        const first = { ...a, paragraphs: a.paragraphs.slice(0, cut) };
        const jumpTo = page + int(1, 4);
        carry = { article: { ...a, title: null, subtitle: null, byline: null, caption: null, paragraphs: a.paragraphs.slice(cut) }, from: page };
        blocks.push(html(first, n, cells, cellPx, { jumpTo }));
        gold.push({ ...first, layout: { columns: n, cells, side: false } });
      } else {
        blocks.push(html(a, n, cells, cellPx));
        gold.push({ ...a, layout: { columns: n, cells, side: false } });
      }
    });
    const paper = pick(PAPERS);
    const date = `2024年3月${day}日　星期${WEEK[day % 7]}`;
    pages.push({
      html: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css(cellPx, lineHeight)}</style></head><body>${blocks.join('')}</body></html>`,
      header: `<div style="font-size:10px;width:100%;text-align:center;font-family:'WenQuanYi Micro Hei'">${paper}　${date}　第${page}版</div>`,
      footer: chance(0.5)
        ? `<div style="font-size:9px;width:100%;text-align:center;font-family:'WenQuanYi Micro Hei'">— <span class="pageNumber"></span> —</div>`
        : `<div style="font-size:9px;width:100%;text-align:left;padding-left:12mm;font-family:'WenQuanYi Micro Hei'">本版责编：${pick(REPORTERS)}　版式设计：${pick(REPORTERS)}</div>`,
      gold: gold.map(({ title, subtitle, byline, paragraphs, layout }) => ({ title, subtitle, byline, paragraphs, layout: { ...layout, leading: lineHeight } })),
    });
  }
  return pages;
}

/** pdf.js's text as its users usually take it: items joined, a newline at each end of line. */
async function pdfjsText(file) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n\f';
  }
  await doc.cleanup?.();
  return text;
}

const MODES = { default: [], raw: ['-raw'], layout: ['-layout'] };
for (const d of ['gold', 'pdf', ...Object.keys(MODES), 'pdfjs', 'pdfjs-runs']) fs.mkdirSync(path.join(out, d), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
const tab = await context.newPage();
const pages = compose();
for (const [i, p] of pages.entries()) {
  const name = String(i).padStart(3, '0');
  await tab.setContent(p.html, { waitUntil: 'load' });
  const pdf = path.join(out, 'pdf', `${name}.pdf`);
  await tab.pdf({ path: pdf, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: p.header, footerTemplate: p.footer, printBackground: true });
  for (const [mode, flags] of Object.entries(MODES)) {
    execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', pdf, path.join(out, mode, `${name}.txt`)]);
  }
  fs.writeFileSync(path.join(out, 'pdfjs', `${name}.txt`), await pdfjsText(pdf));
  fs.writeFileSync(path.join(out, 'pdfjs-runs', `${name}.json`), JSON.stringify(await positionedText(pdfjs, new Uint8Array(fs.readFileSync(pdf)), CMAPS)));
  fs.writeFileSync(path.join(out, 'gold', `${name}.json`), JSON.stringify({ articles: p.gold }, null, 1));
}
if (process.argv[5] === 'reprint') {
  fs.mkdirSync(path.join(out, 'reprint'), { recursive: true });
  const item = items().filter((i) => i.paragraphs.length >= 4)[0];
  const report = { title: item.title.split(/\s+/)[0], subtitle: null, byline: null, paragraphs: item.paragraphs };
  for (const [name, n, cells, cellPx, paper] of [['a', 2, 16, 13, '人民日报'], ['b', 4, 10, 12, '湖北日报']]) {
    await tab.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css(cellPx)}</style></head><body>${html(report, n, cells, cellPx)}</body></html>`, { waitUntil: 'load' });
    const header = `<div style="font-size:10px;width:100%;text-align:center;font-family:'WenQuanYi Micro Hei'">${paper}　2024年3月5日　星期二　第4版</div>`;
    await tab.pdf({ path: path.join(out, 'reprint', `${name}.pdf`), preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: header, footerTemplate: '<span></span>', printBackground: true });
  }
}
await browser.close();
console.log(`typeset ${pages.length} pages into ${out}`);
