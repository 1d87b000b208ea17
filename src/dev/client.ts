/**
 * The script the dev server adds to every HTML page: it listens for rebuilds and
 * reloads the tab, or shows the build's problems over the page until they are fixed.
 * Plain ES2017 in a string, so it runs as is in any browser.
 *
 * The problems cover the page until the writer hides them (Esc, or the button); a
 * hidden report stays hidden, as a badge in the corner, across reloads of the tab,
 * until the report changes. A writer living with a broken link while migrating
 * would otherwise have every save cover the page they are editing.
 */
export const DEV_CLIENT_PATH = '/__docsmith/client.js';
export const DEV_EVENTS_PATH = '/__docsmith/events';

export const devClientScript = `(() => {
  // The page it shows goes with it: on a site with variants, a save rebuilds the variants being read first.
  const events = new EventSource(${JSON.stringify(DEV_EVENTS_PATH)} + '?page=' + encodeURIComponent(location.pathname));
  const OVERLAY = 'docsmith-error-overlay';
  const BADGE = 'docsmith-error-badge';
  const HIDDEN = 'docsmith-hidden-report';
  let shown;
  function remember(report) {
    try {
      if (report === undefined) sessionStorage.removeItem(HIDDEN);
      else sessionStorage.setItem(HIDDEN, report);
    } catch (error) {}
  }
  function hiddenReport() {
    try {
      return sessionStorage.getItem(HIDDEN);
    } catch (error) {
      return null;
    }
  }
  function removeById(id) {
    const element = document.getElementById(id);
    if (element) element.remove();
  }
  function clear() {
    shown = undefined;
    removeById(OVERLAY);
    removeById(BADGE);
  }
  function button(text, css, onClick) {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.style.cssText = 'font:600 14px system-ui,sans-serif;border-radius:6px;cursor:pointer;padding:.4rem .8rem;' + css;
    element.addEventListener('click', onClick);
    return element;
  }
  function showBadge(state) {
    removeById(OVERLAY);
    removeById(BADGE);
    const badge = button('Build problems: ' + (state.summary || 'see the report'), 'position:fixed;right:1rem;bottom:1rem;z-index:2147483647;border:0;background:#b3261e;color:#fff;box-shadow:0 2px 8px rgba(0,0,0,.3)', () => {
      remember(undefined);
      showOverlay(state);
    });
    badge.id = BADGE;
    badge.setAttribute('aria-label', 'Show the build problems');
    document.body.appendChild(badge);
  }
  function showOverlay(state) {
    removeById(BADGE);
    let overlay = document.getElementById(OVERLAY);
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = OVERLAY;
      overlay.setAttribute('role', 'alertdialog');
      overlay.setAttribute('aria-label', 'Build problems');
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.96);color:#f2f2f2;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem';
      document.body.appendChild(overlay);
    }
    overlay.innerHTML = '';
    const header = document.createElement('div');
    header.style.cssText = 'display:flex;gap:1rem;align-items:flex-start;justify-content:space-between;margin:0 0 1rem';
    const title = document.createElement('h2');
    title.textContent = 'The build has problems' + (state.summary ? ': ' + state.summary : '');
    title.style.cssText = 'color:#ff8080;font:600 18px system-ui,sans-serif;margin:0';
    const hide = button('Hide (Esc)', 'border:1px solid #888;background:transparent;color:#f2f2f2', hideOverlay);
    header.append(title, hide);
    const body = document.createElement('pre');
    body.textContent = state.report;
    body.style.cssText = 'white-space:pre-wrap;margin:0';
    const hint = document.createElement('p');
    hint.textContent = 'Pages are shown as they rendered; a page that could not render shows its last rendering, or its problems if it never rendered. Fix the source and save: this message goes away by itself.';
    hint.style.cssText = 'color:#aaa;font:14px system-ui,sans-serif';
    overlay.append(header, body, hint);
  }
  function hideOverlay() {
    if (!shown) return;
    remember(shown.report);
    showBadge(shown);
  }
  function show(state) {
    shown = state;
    if (hiddenReport() === state.report) showBadge(state);
    else showOverlay(state);
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.getElementById(OVERLAY)) hideOverlay();
  });
  events.addEventListener('reload', () => {
    remember(undefined);
    location.reload();
  });
  events.addEventListener('errors', (event) => {
    const state = JSON.parse(event.data);
    if (state.reload) location.reload();
    else show(state);
  });
  events.addEventListener('hello', (event) => {
    const state = JSON.parse(event.data);
    if (state.report) show(state);
    else clear();
  });
})();
`;
