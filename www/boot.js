// Loads the wasm app. Kept as a file (not inline) so the CSP can forbid inline scripts.
import init from './pkg/app.js';

init({ module_or_path: new URL('./pkg/app_bg.wasm', import.meta.url) }).catch((err) => {
  const p = document.createElement('p');
  p.className = 'fatal';
  p.textContent = `同文 could not start: ${err}`;
  document.body.append(p);
});
