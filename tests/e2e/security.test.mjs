// Security and accessibility: nothing leaves the origin, nothing in a
// document runs, and axe-core finds no serious problems in any main view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, ROOT, SHOTS } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"></svg>',
  '<a href="javascript:window.__pwned = 4">点这里</a>',
  '<iframe src="https://evil.example/"></iframe>',
].join('\n\n');

async function drop(page, files) {
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name));
    return dt;
  }, files);
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

test('a whole session stays on the origin, and HTML inside documents runs nothing', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  const origin = new URL(h.url).origin;
  const requests = [];
  page.context().on('request', (r) => requests.push(r.url()));
  await page.goto(h.url);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
  // Read, hover, compare, overview, words, search, export: the main tasks.
  await page.locator('mark.shared').first().hover();
  await page.locator('mark.shared').first().click();
  await page.locator('section.compare').waitFor();
  await page.click('button:has-text("Overview")');
  await page.click('button.word-view');
  await page.fill('#search', '阿斯塔纳');
  await page.locator('.search-view h2', { hasText: 'hits' }).waitFor({ timeout: 30_000 });
  await page.click('.export-menu summary');
  await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  // A hostile document: its markup shows as text and runs nothing.
  await drop(page, [['hostile.txt', `危险的标题\n\n${HOSTILE}\n`], ['ok.txt', '本报讯 今天天气很好。\n']]);
  await page.locator('.status[data-state="ready"]', { hasText: '2 sources' }).waitFor({ timeout: 30_000 });
  await page.fill('#search', '');
  await page.locator('button.source').first().click();
  await page.locator('main article', { hasText: '危险的标题' }).waitFor();
  const text = await page.locator('main').innerText();
  assert.ok(text.includes('<script>window.__pwned = 1</script>'), 'shown as text');
  assert.ok(text.includes('<img src=x onerror="window.__pwned = 2">'));
  await page.click('button:has-text("Raw page")');
  assert.ok((await page.locator('pre.raw-text').innerText()).includes('<svg onload="window.__pwned = 3"></svg>'));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
  assert.equal(await page.locator('main script, main img, main svg, main iframe, main a[href^="javascript"]').count(), 0);
  // Every request went to the site itself (blob: downloads are local too).
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, []);
  assert.ok(requests.length > 10);
  assert.deepEqual(page.problems, []);
});

test('the shell has a strict CSP, no inline scripts, and no innerHTML in the code that ships', async () => {
  const html = fs.readFileSync(path.join(ROOT, 'dist/index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  for (const rule of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'"]) assert.ok(csp.includes(rule), rule);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\s\*/);
  // Every <script> has a src; none has a body.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(m[1], /src=/);
    assert.equal(m[2].trim(), '');
  }
  for (const file of ['boot.js', 'worker-loader.js', 'sw.js']) {
    assert.doesNotMatch(fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8'), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, file);
  }
  // The wasm glue binds innerHTML only for Yew's raw-HTML node, which the
  // app never builds: no source file asks for raw HTML.
  const sources = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name)); else if (e.name.endsWith('.rs')) sources.push(path.join(dir, e.name));
    }
  })(path.join(ROOT, 'src'));
  for (const f of sources) assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /from_html_unchecked|set_inner_html|set_outer_html|insert_adjacent_html|VRaw/, f);
});

/** axe-core's serious and critical violations on the page as it is. */
async function axe(page) {
  // Injected once per document: each view is the same page, and axe.min.js
  // is half a megabyte to parse.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violations in any main view (${scheme}; highlight contrast included)`, async () => {
    // bypassCSP lets the test inject axe; the app itself never needs it.
    const page = await h.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true });
    await page.goto(h.url);
    await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
    await page.locator('.keywords .keyword').first().waitFor({ timeout: 30_000 });
    const found = {};
    found.read = await axe(page);
    await page.locator('mark.shared').first().hover();
    found.popover = await axe(page);
    await page.locator('mark.shared').first().click();
    await page.locator('section.compare').waitFor();
    found.compare = await axe(page);
    await page.click('button:has-text("Overview")');
    found.overview = await axe(page);
    await page.click('button.word-view');
    await page.click('button:has-text("Read")');
    found.words = await axe(page);
    await page.fill('#search', '中亚');
    await page.locator('.search-view h2', { hasText: 'hits' }).waitFor({ timeout: 30_000 });
    found.search = await axe(page);
    await page.click('button:has-text("Concordance")');
    found.concordance = await axe(page);
    await page.click('button:has-text("Dictionary")');
    found.dictionary = await axe(page);
    await page.keyboard.press('?');
    await page.screenshot({ path: path.join(SHOTS, `axe-${scheme}.png`) });
    for (const [view, violations] of Object.entries(found)) assert.deepEqual(violations, [], view);
  });
}
