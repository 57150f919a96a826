// pdf.js reading speed in Node (`make bench`, section 8): the function the
// app's worker reads a dropped PDF with, over the typeset pages; the
// median of 3 runs after a warm-up.
//
//   node scripts/pdfjs-bench.mjs [DIR_OF_PDFS]
import fs from 'node:fs';
import path from 'node:path';
Promise.withResolvers ??= function () { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const CMAPS = path.resolve(import.meta.dirname, '../node_modules/pdfjs-dist/cmaps') + '/';
const { positionedText } = await import('../crates/worker/src/pdf_reader.js');
const dir = process.argv[2] || path.resolve(import.meta.dirname, '../target/typeset/pdf');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => fs.readFileSync(path.join(dir, f)));
const runs = [];
for (let r = 0; r < 4; r++) {
  const t = performance.now();
  let pages = 0;
  for (const b of files) pages += (await positionedText(pdfjs, new Uint8Array(b), CMAPS)).pages.length;
  runs.push([performance.now() - t, pages]);
}
runs.shift();
runs.sort((a, b) => a[0] - b[0]);
const [ms, pages] = runs[1];
console.log(`pdf.js in Node: ${pages} pages in ${(ms / 1000).toFixed(3)} s median of 3 after warm-up: ${(pages / (ms / 1000)).toFixed(0)} pages/s`);
