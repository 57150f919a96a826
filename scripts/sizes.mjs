// The sizes of a built site (make dist prints them; BENCHMARKS.md keeps
// them): every file over 20 KB raw, gzip and brotli, and the totals.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || 'dist');
const rows = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    const rel = path.relative(dist, full);
    if (rel.startsWith('bench')) continue;
    if (e.isDirectory()) walk(full);
    else {
      const data = fs.readFileSync(full);
      rows.push([rel, data.length, zlib.gzipSync(data, { level: 9 }).length, zlib.brotliCompressSync(data).length]);
    }
  }
})(dist);
rows.sort((a, b) => b[1] - a[1]);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log('| file | raw | gzip | brotli |');
console.log('|---|---|---|---|');
for (const [f, r, g, b] of rows.filter((x) => x[1] > 20_000)) console.log(`| ${f} | ${kb(r)} | ${kb(g)} | ${kb(b)} |`);
const sum = (i) => rows.reduce((a, x) => a + x[i], 0);
console.log(`| **dist/ total (${rows.length} files)** | **${kb(sum(1))}** | **${kb(sum(2))}** | **${kb(sum(3))}** |`);
