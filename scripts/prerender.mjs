// Prerenders the built-in corpus's first view into SITE/index.html, once
// per interface language, so a new visitor reads the first highlighted
// article as soon as the HTML arrives, before the app's wasm has loaded
// (issue 16: the first view in ≤ 300 ms from ≤ 400 KB).
//
//   node scripts/prerender.mjs SITE
//
// The view is the app's own: the built site is served, Chromium opens it
// at the bare address, and the app's DOM is taken at the moment its first
// view is ready (its status turns `ready`), what the visitor would see
// when the app replaces the copy. The copy is made inert: no ids (the app
// has them), no status to wait for, form controls showing their values.
// www/first-view.js chooses which copy shows, and none at an address that
// names a screen; boot.js removes it when the app's first view is ready.
// `tongwen build-site` takes it out of a published site, whose corpus is
// another.
//
// Without Chromium (a machine set up by hand) the site is left without a
// prerendered view, and says so.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const BEGIN = '<!-- prerendered first view -->';
export const END = '<!-- end of prerendered first view -->';
const ROOT_ELEMENT = '<div id="app-root"></div>';
/** Each interface language: the browser locale that chooses it. */
const LANGS = [['zh-CN', 'zh-CN'], ['en', 'en-US']];

/** `html` without a prerendered view. */
export function withoutPrerender(html) {
  const begin = html.indexOf(BEGIN);
  const end = html.indexOf(END);
  if (begin < 0 || end < begin) return html;
  return html.slice(0, begin) + html.slice(end + END.length).replace(/^\n\s*/, '');
}

/** The app's DOM in the page's `#app-root` at the moment its status is first `ready`. */
async function capture(browser, url, locale) {
  const context = await browser.newContext({ locale, serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const root = document.getElementById('app-root');
      if (!root?.querySelector('.status[data-state="ready"]')) return;
      observer.disconnect();
      // What properties hold, as attributes, so the copy shows it.
      for (const select of root.querySelectorAll('select')) select.options[select.selectedIndex]?.setAttribute('selected', '');
      for (const input of root.querySelectorAll('input')) {
        if (input.type === 'checkbox' || input.type === 'radio') input.toggleAttribute('checked', input.checked);
        else if (input.value) input.setAttribute('value', input.value);
      }
      const copy = root.cloneNode(true);
      for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
      for (const el of copy.querySelectorAll('[data-state]')) el.removeAttribute('data-state');
      for (const el of copy.querySelectorAll('[autofocus]')) el.removeAttribute('autofocus');
      window.__firstView = copy.innerHTML;
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstView, null, { timeout: 60_000 });
  const view = await page.evaluate(() => window.__firstView);
  await context.close();
  if (problems.length) throw new Error(`the page failed while prerendering: ${problems.join('; ')}`);
  if (!view.includes('class="para')) throw new Error('the first view shows no paragraph');
  return view;
}

async function main(site) {
  const index = path.join(site, 'index.html');
  const clean = withoutPrerender(fs.readFileSync(index, 'utf8'));
  if (!clean.includes(ROOT_ELEMENT)) throw new Error(`${index} has no ${ROOT_ELEMENT} to put the first view beside`);
  fs.writeFileSync(index, clean);
  if (!fs.existsSync(CHROMIUM)) {
    console.warn(`[prerender] no Chromium at ${CHROMIUM}: the site shows its first view once the app has loaded`);
    return;
  }
  const server = await serve(site, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const url = `http://127.0.0.1:${server.address().port}/`;
    const views = [];
    for (const [lang, locale] of LANGS) {
      const view = await capture(browser, url, locale);
      views.push(`<div class="prerender" data-lang="${lang}" inert aria-hidden="true">${view}</div>`);
    }
    fs.writeFileSync(index, clean.replace(ROOT_ELEMENT, `${BEGIN}\n  ${views.join('\n  ')}\n  ${END}\n  ${ROOT_ELEMENT}`));
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv[2] || 'dist');
