// Shared set-up for the end-to-end tests: serve the built dist/ over HTTP on a
// free loopback port and drive Debian's Chromium through playwright-core.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'target/e2e');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Starts the server and the browser; returns { url, browser, newPage, close }. */
export async function start({ dir = path.join(ROOT, 'dist'), prefix = '/' } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} is not built: run make dist`);
  fs.mkdirSync(SHOTS, { recursive: true });
  const server = await serve(dir, { port: 0, prefix });
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  /** A page that records console errors and page errors in `page.problems`. */
  async function newPage(options = {}) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
    return page;
  }
  async function close() {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return { url, browser, newPage, close };
}

/** Opens `url` and waits until the first analysis is on screen. */
export async function openReady(page, url) {
  await page.goto(url);
  await page.locator('.status[data-state="ready"]').waitFor({ timeout: 30_000 });
}

/** Drops `files` ({ name, bytes }) onto the page, as a user drags files in;
 * `beforeDrop` runs once the files are in the page, right before the drop. */
export async function dropFiles(page, files, { beforeDrop } = {}) {
  // The bytes cross to the page as base64: as an array of numbers, 13 MB
  // of PDFs took longer to hand over than to read.
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })));
  beforeDrop?.();
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

/** Opens the top bar's settings menu (minimum length, theme, language), as a reader clicks it. */
export async function openSettings(page) {
  if (!(await page.locator('details.settings-menu').evaluate((d) => d.open))) await page.click('details.settings-menu summary');
}

/** Presses Tab until the focused element matches `selector` (at most `max` times); true if it does. */

export async function tabTo(page, selector, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
    await page.keyboard.press('Tab');
  }
  return page.evaluate((s) => document.activeElement?.matches(s), selector);
}

/** Runs the `tongwen` CLI with `args` and returns its stdout: the binary in
 * TONGWEN_CLI when given (`make test` passes the one its native tests
 * built), else through `cargo run`. */
export function tongwen(args, options = {}) {
  const cli = process.env.TONGWEN_CLI;
  const [file, argv] = cli ? [path.resolve(ROOT, cli), args] : ['cargo', ['run', '--quiet', '--bin', 'tongwen', '--', ...args]];
  return execFileSync(file, argv, { cwd: ROOT, ...options });
}
