// Writes dist/sw.js's VERSION (a hash of the site's files) and PRECACHE
// (what a first visit stores for offline use). Run by build-dist.sh and by
// `tongwen build-site` users through the same script.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] || 'dist');
// Fetched on demand (and then cached): the IDF table is needed only for
// tiny corpora, benchmark files never by readers.
const later = (rel) => rel === 'sw.js' || rel === 'dict/idf.txt' || rel.startsWith('bench') || rel.endsWith('.md');
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(dist, full).split(path.sep).join('/');
    if (entry.isDirectory()) walk(full);
    else if (!later(rel)) files.push(rel);
  }
})(dist);
files.sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
const precache = ['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
const sw = path.join(dist, 'sw.js');
const text = fs.readFileSync(sw, 'utf8')
  .replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`)
  .replace(/^const PRECACHE = .*;$/m, `const PRECACHE = ${JSON.stringify(precache)};`);
fs.writeFileSync(sw, text);
console.log(`sw.js: version ${version}, ${precache.length} files precached`);
