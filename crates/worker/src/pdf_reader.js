// The worker's PDF reader: pdf.js (pdfjs-dist, self-hosted under pdfjs/),
// imported only when a PDF arrives, so no other reader fetches it. Each
// PDF becomes tongwen's positioned text: pages of text runs with their
// place and size in points from the page's top left (the engine reads
// them by layout, as it reads tongwen-pdf's in the CLI). A PDF that
// cannot be read throws `encrypted` or `damaged: <why>`.
let pdfjs;

// Relative to the worker's script (worker-loader.js, at the site's root),
// so the site works from any sub-path.
const asset = (path) => new URL(path, self.location.href).href;

export async function read_pdf(bytes) {
  if (!pdfjs) {
    pdfjs = await import(asset('pdfjs/pdf.min.mjs'));
    // pdf.js parses in a worker of its own, started here. Its "fake worker"
    // would import pdf.worker into this worker, where it takes over this
    // worker's messages to the page.
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(asset('pdfjs/pdf.worker.min.mjs'), { type: 'module' });
  }
  return JSON.stringify(await positionedText(pdfjs, bytes, asset('pdfjs/cmaps/')));
}

/** A PDF's text items as positioned text; `scripts/typeset.mjs` reads its
 * test pages with this too, so both score the same runs. `cMapUrl` is
 * where Adobe's predefined CMaps are (a URL, or a directory in Node): a
 * Chinese font encoded `GBK-EUC-H` and the like, as Founder systems set
 * newspapers, reads only through them. pdf.js fetches the ones a PDF
 * names, when it names them. */
export async function positionedText(pdfjs, bytes, cMapUrl) {
  // Errors only: a damaged file is said in its refusal, not on the console.
  // In a browser, pdf.js's own worker fetches them: its page-side reader
  // looks for `document`, which a worker has not. Node reads them from disk.
  const useWorkerFetch = /^https?:/.test(cMapUrl ?? '');
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, cMapUrl, cMapPacked: true, useWorkerFetch, verbosity: pdfjs.VerbosityLevel.ERRORS });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    throw e?.name === 'PasswordException' ? 'encrypted' : `damaged: ${e?.message ?? e}`;
  }
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const runs = [];
      for (const item of (await page.getTextContent()).items) {
        if (!item.str) continue;
        const [a, b, c, d, e, f] = item.transform;
        runs.push({ text: item.str, x: e - x0, y: y1 - f, width: item.width, size: Math.sqrt(Math.abs(a * d - b * c)) });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, runs });
      page.cleanup();
    }
    return { pages };
  } catch (e) {
    throw `damaged: ${e?.message ?? e}`;
  } finally {
    await task.destroy();
  }
}
