// Developer tool (not a test): CPU profile of the page while a corpus loads,
// printed as the top functions by self time. CORPUS=bench-corpus/ by default.
import { start } from './harness.mjs';
const corpus = process.env.CORPUS ?? 'bench-corpus/';
const h = await start();
const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 50) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(`${h.url}?corpus=${corpus}`);
await page.locator('.status[data-state="ready"], .status[data-state="failed"]').waitFor({ timeout: 120_000 });
await page.waitForTimeout(500);
const long = await page.evaluate(() => window.__long);
const nowBeforeStop = await page.evaluate(() => performance.now());
console.log('ready after', Date.now() - t0, 'ms; long tasks', JSON.stringify(long));
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let i = 0;
for (const s of profile.samples) { const n = byId.get(s); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(k, (self.get(k) || 0) + (dt[i++] || 0) / 1000); }
// Per long task: the functions on the stack most often (inclusive time).
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
let t = profile.startTime;
const stamps = profile.timeDeltas.map((d) => (t += d));
for (const [start, dur] of long) {
  // Clocks differ: line performance.now() up with the profile's end.
  const from = profile.endTime + (start - nowBeforeStop) * 1000, to = from + dur * 1000;
  const incl = new Map();
  profile.samples.forEach((s, k) => {
    if (stamps[k] < from || stamps[k] > to) return;
    const seen = new Set();
    for (let id = s; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame; const name = (f.functionName || '(anon)').slice(0, 110);
      if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) || 0) + 1); }
    }
  });
  console.log(`-- long task at ${start} ms, ${dur} ms`);
  [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14).forEach(([k, v]) => console.log('   ', String(v).padStart(5), k));
}
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log(v.toFixed(0).padStart(7), k));
await h.close();
