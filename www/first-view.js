// Runs before the body is parsed (a classic script, so the CSP can forbid
// inline ones): chooses which of the first views `make dist` prerendered
// into index.html may show while the app loads, one per interface
// language, or none. The app replaces it when its own first view is ready
// (boot.js); until then it is inert, a picture of the page.
//
// The prerendered view is the built-in corpus at the bare address, as a new
// visitor sees it. An address that names a screen, another corpus, or a
// reader's stored corpus or source names would show something else, so
// those get no prerendered view (class `no-prerender`).
(() => {
  const root = document.documentElement;
  const stored = (key) => {
    try {
      const value = localStorage.getItem(key);
      try { return JSON.parse(value); } catch { return value; }
    } catch { return null; } // storage blocked: nothing remembered
  };
  // The app's choice of language (i18n `Lang::from_browser`, prefs `lang`).
  const chosen = stored('tongwen.lang');
  const lang = chosen === 'en' || chosen === 'zh-CN' ? chosen : /^zh/i.test(navigator.language || '') ? 'zh-CN' : 'en';
  root.lang = lang;
  // The app's theme (topbar), set now so the page never flashes the other one.
  const theme = stored('tongwen.theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  let personal = false;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key === 'tongwen.corpus' || key.startsWith('tongwen.names.')) personal = true;
    }
  } catch { /* storage blocked */ }
  if (personal || location.hash.length > 1 || new URLSearchParams(location.search).has('corpus')) {
    root.classList.add('no-prerender');
  }
})();
