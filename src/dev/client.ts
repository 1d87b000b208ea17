/**
 * The script the dev server adds to every HTML page: it listens for rebuilds and
 * reloads the tab, or shows the build's problems over the page until they are fixed.
 * Plain ES2017 in a string, so it runs as is in any browser.
 */
export const DEV_CLIENT_PATH = '/__docsmith/client.js';
export const DEV_EVENTS_PATH = '/__docsmith/events';

export const devClientScript = `(() => {
  const events = new EventSource(${JSON.stringify(DEV_EVENTS_PATH)});
  const OVERLAY = 'docsmith-error-overlay';
  function showOverlay(report) {
    let overlay = document.getElementById(OVERLAY);
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = OVERLAY;
      overlay.setAttribute('role', 'alertdialog');
      overlay.setAttribute('aria-label', 'Build failed');
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.96);color:#f2f2f2;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem';
      document.body.appendChild(overlay);
    }
    overlay.innerHTML = '';
    const title = document.createElement('h2');
    title.textContent = 'The build failed: the last good version of this page is underneath';
    title.style.cssText = 'color:#ff8080;font:600 18px system-ui,sans-serif;margin:0 0 1rem';
    const body = document.createElement('pre');
    body.textContent = report;
    body.style.cssText = 'white-space:pre-wrap;margin:0';
    const hint = document.createElement('p');
    hint.textContent = 'Fix the source and save: this message goes away by itself.';
    hint.style.cssText = 'color:#aaa;font:14px system-ui,sans-serif';
    overlay.append(title, body, hint);
  }
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('errors', (event) => showOverlay(JSON.parse(event.data).report));
  events.addEventListener('hello', (event) => {
    const state = JSON.parse(event.data);
    if (state.report) showOverlay(state.report);
  });
})();
`;
