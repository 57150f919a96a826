// Starts the analysis worker: a same-origin module script, so the CSP can
// keep worker-src 'self' (gloo-worker's default would build a blob: URL).
import init from './pkg/worker.js';

await init({ module_or_path: new URL('./pkg/worker_bg.wasm', import.meta.url) });
