import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_CLIENT_PATH, DEV_EVENTS_PATH } from '../../src/dev/client.ts';
import { startDev, type DevHandle } from '../../src/dev/dev.ts';
import { copySite, makeSite, eventually } from '../helpers.ts';
import { openEvents, type EventStream } from './http.ts';

const CONFIG = "export default { title: 'Acme Docs', metadata: { product: 'Widget' } };\n";
const INDEX = '---\ntitle: Home\norder: 1\n---\n# Home\n\nWelcome to {{ page.metadata.product }}.\n';
const GUIDE = '---\ntitle: Guide\norder: 2\n---\n# Guide\n\nInstall {{ page.metadata.product }} first.\n\n{% include "partials/note" %}\n';
const FAQ = '---\ntitle: FAQ\norder: 3\nlayout: wide\n---\n# FAQ\n\nAsk about {{ page.metadata.product }}.\n';
const NOTE = 'Note: v1\n';
const WIDE = '<!doctype html>\n<html lang="en"><head><title>{{ page.title }}</title></head>\n<body class="wide-v1">{% include "partials/sidebar" %}<main>{{ content | raw }}</main></body></html>\n';

/** How long any one rebuild may take here: a 3-page rebuild takes milliseconds. */
const BUILD_TIMEOUT = 5000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
    }),
  ]);
}


describe('startDev: the writer loop over real HTTP and the live-reload channel', () => {
  let root: string;
  let dev: DevHandle | undefined;
  let events: EventStream | undefined;
  let logs: string[];

  beforeEach(async () => {
    root = makeSite({
      'site.config.ts': CONFIG,
      'content/index.md': INDEX,
      'content/guide.md': GUIDE,
      'content/faq.md': FAQ,
      'templates/partials/note.liquid': NOTE,
      'templates/wide.liquid': WIDE,
    });
    logs = [];
    dev = await startDev({ root, port: 0, log: (line) => logs.push(line) });
    events = await openEvents(new URL(DEV_EVENTS_PATH, dev.url).href);
    await events.waitFor('hello');
  });

  afterEach(async () => {
    events?.close();
    events = undefined;
    await dev?.close();
    dev = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  const get = async (urlPath: string) => {
    const response = await fetch(new URL(urlPath, dev!.url));
    return { status: response.status, html: await response.text() };
  };

  /**
   * Makes a change and waits for the rebuild it causes and the SSE event that ends
   * it. The build promise is taken before the write, so a fast rebuild cannot be missed.
   */
  async function change(write: () => void, event: 'reload' | 'errors') {
    const from = events!.events.length;
    const built = dev!.nextBuild();
    const started = performance.now();
    write();
    const result = await within(built, BUILD_TIMEOUT, 'rebuild');
    const sent = await events!.waitFor(event, { from, timeoutMs: BUILD_TIMEOUT });
    return { result, sent, ms: sent.at - started };
  }

  const edit = (file: string, text: string) => () => writeFileSync(path.join(root, file), text);

  it('starts on 127.0.0.1, serves every page with the live-reload script, and greets a tab with no problems', async () => {
    expect(dev!.url).toBe(`http://127.0.0.1:${dev!.port}/`);
    expect(events!.events[0]!.data).toEqual({});
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('Welcome to Widget.');
    expect(home.html).toContain(`<script src="${DEV_CLIENT_PATH}"></script></body>`);
    for (const [url, text] of [['/guide/', 'Install Widget first.'], ['/faq/', 'Ask about Widget.']] as const) {
      const page = await get(url);
      expect(page.status, url).toBe(200);
      expect(page.html, url).toContain(text);
    }
    expect((await get('/faq/')).html).toContain('class="wide-v1"');
    expect((await get('/guide/')).html).toContain('<p>Note: v1</p>');
    const redirect = await fetch(new URL('/guide', dev!.url), { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/guide/');
    expect((await get('/assets/style.css')).status).toBe(200);
    expect(logs.at(-1)).toMatch(/^rebuilt in \d+ ms \(3 rendered\): 0 errors, 0 warnings$/);
  });

  it('re-renders only the edited page, tells the tab to reload, and serves the new text', async () => {
    const { result, ms } = await change(edit('content/guide.md', GUIDE.replace('first', 'carefully')), 'reload');
    expect(result.written).toBe(true);
    expect(result.stats.rendered).toBe(1);
    expect(result.stats.laidOut).toBe(0);
    expect(ms).toBeLessThan(BUILD_TIMEOUT);
    console.info(`dev: page edit → reload event in ${ms.toFixed(0)} ms`);
    expect((await get('/guide/')).html).toContain('Install Widget carefully.');
    expect((await get('/')).html).toContain('Welcome to Widget.');
  });

  it('re-renders only the pages that use an edited partial or layout', async () => {
    const partial = await change(edit('templates/partials/note.liquid', NOTE.replace('v1', 'v2')), 'reload');
    expect(partial.result.stats).toMatchObject({ rendered: 1, laidOut: 0 }); // guide.md includes it
    expect((await get('/guide/')).html).toContain('<p>Note: v2</p>');

    const layout = await change(edit('templates/wide.liquid', WIDE.replace('wide-v1', 'wide-v2')), 'reload');
    // faq.md uses the layout: its rendered content is reused and only laid out again.
    expect(layout.result.stats).toMatchObject({ rendered: 0, laidOut: 1 });
    expect((await get('/faq/')).html).toContain('class="wide-v2"');
    expect((await get('/')).html).not.toContain('wide-v2');
  });

  it('shows the problem with path:line:col over the last good page, greets new tabs with it, and clears it when fixed', async () => {
    const broken = GUIDE.replace('Install {{ page.metadata.product }} first.', 'Install {{ page.metadata.prodcut }} now.');
    const { result, sent } = await change(edit('content/guide.md', broken), 'errors');
    expect(result.written).toBe(false);
    const report = String(sent.data.report);
    // Line 7 of the file (frontmatter counted), column 12: the unknown name inside `{{ }}`.
    expect(report).toMatch(/^content\/guide\.md:7:12: error: .*prodcut/m);
    expect(sent.data.reload).toBeUndefined(); // nothing served changed: the problems come over the page
    expect(report).toContain('  7 | Install {{ page.metadata.prodcut }} now.\n    |            ^');
    expect(report).toContain('page.metadata.product'); // the suggestion

    // The server keeps the last good build, and tells a tab opened now about the problem.
    const page = await get('/guide/');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Install Widget first.');
    expect(page.html).toContain(DEV_CLIENT_PATH);
    const late = await openEvents(new URL(DEV_EVENTS_PATH, dev!.url).href);
    try {
      expect((await late.waitFor('hello')).data).toEqual({ report, summary: '1 error, 0 warnings' });

      const fixed = await change(edit('content/guide.md', GUIDE.replace('first', 'now')), 'reload');
      expect(fixed.result.written).toBe(true);
      expect(fixed.result.stats.rendered).toBe(1);
      await late.waitFor('reload');
    } finally {
      late.close();
    }
    expect((await get('/guide/')).html).toContain('Install Widget now.');
    const fresh = await openEvents(new URL(DEV_EVENTS_PATH, dev!.url).href);
    try {
      expect((await fresh.waitFor('hello')).data).toEqual({});
    } finally {
      fresh.close();
    }
  });

  it('serves a page that rendered despite a broken link as it is now (tabs reload), and a page that then fails keeps its latest rendering', async () => {
    const linked = GUIDE.replace('first.', 'first, then [the setup](./setup.md).');
    const link = await change(edit('content/guide.md', linked), 'errors');
    expect(link.result.written).toBe(false);
    expect(link.sent.data.reload).toBe(true);
    expect(String(link.sent.data.report)).toMatch(/^content\/guide\.md:7:\d+: error: link to a missing page "\.\/setup\.md"/m);
    const now = await get('/guide/');
    expect(now.status).toBe(200);
    expect(now.html).toContain('Install Widget first, then <a href="/setup/">the setup</a>.');

    // Now a typo the page cannot render with: it keeps the rendering just served, not the last good build's.
    const typo = await change(edit('content/guide.md', linked.replace('{{ page.metadata.product }}', '{{ page.metadata.prodcut }}')), 'errors');
    expect(typo.sent.data.reload).toBeUndefined();
    expect(String(typo.sent.data.report)).toMatch(/^content\/guide\.md:7:12: error: undefined placeholder "page\.metadata\.prodcut"/m);
    const kept = await get('/guide/');
    expect(kept.status).toBe(200);
    expect(kept.html).toContain('the setup</a>.');

    await change(edit('content/guide.md', GUIDE), 'reload');
    expect((await get('/guide/')).html).toContain('Install Widget first.</p>');
  });

  it('drops a deleted page: its URL answers 404 and no sidebar lists it', async () => {
    expect((await get('/')).html).toContain('href="/faq/"');
    const { result } = await change(() => rmSync(path.join(root, 'content/faq.md')), 'reload');
    expect(result.written).toBe(true);
    expect(result.pages.map((p) => p.url).sort()).toEqual(['/', '/guide/']);
    const gone = await get('/faq/');
    expect(gone.status).toBe(404);
    expect(gone.html).not.toContain('Ask about Widget.');
    for (const url of ['/', '/guide/']) expect((await get(url)).html, url).not.toContain('href="/faq/"');
  });

  it('follows a renamed page: the old URL answers 404, the new one 200, and the sidebars link the new one', async () => {
    const built = dev!.nextBuild();
    renameSync(path.join(root, 'content/guide.md'), path.join(root, 'content/tutorial.md'));
    await within(built, BUILD_TIMEOUT, 'rebuild');
    // chokidar reports a rename as an unlink and an add, possibly in two rebuilds.
    await eventually(async () => {
      expect((await get('/tutorial/')).status).toBe(200);
      expect((await get('/guide/')).status).toBe(404);
    });
    expect((await get('/tutorial/')).html).toContain('Install Widget first.');
    for (const url of ['/', '/tutorial/', '/faq/']) {
      const html = (await get(url)).html;
      expect(html, url).toContain('href="/tutorial/"');
      expect(html, url).not.toContain('href="/guide/"');
    }
  });

  it('adds a new page to every sidebar', async () => {
    const { result } = await change(edit('content/setup.md', '---\ntitle: Setup\norder: 4\n---\n# Setup\n\nSet up {{ page.metadata.product }}.\n'), 'reload');
    expect(result.stats.rendered).toBe(1); // the new page; the others are only laid out again
    expect(result.stats.laidOut).toBe(3);
    expect((await get('/setup/')).html).toContain('Set up Widget.');
    for (const url of ['/', '/guide/', '/faq/']) expect((await get(url)).html, url).toContain('href="/setup/"');
  });

  it('re-renders everything when site.config.ts changes', async () => {
    const { result } = await change(edit('site.config.ts', CONFIG.replace("'Widget'", "'Gadget'")), 'reload');
    expect(result.stats.rendered).toBe(3);
    expect((await get('/')).html).toContain('Welcome to Gadget.');
    expect((await get('/guide/')).html).toContain('Install Gadget first.');
    expect((await get('/faq/')).html).toContain('Ask about Gadget.');
  });

  it('keeps serving, and recovers, when a config edit breaks the build', async () => {
    const broken = await change(edit('site.config.ts', "export default { title: 'Acme Docs', metadata: { product: 'Widget' }, colour: 'red' };\n"), 'errors');
    expect(String(broken.sent.data.report)).toMatch(/^site\.config\.ts:1:\d+: error: unknown config key "colour"/m);
    expect((await get('/')).html).toContain('Welcome to Widget.');
    const fixed = await change(edit('site.config.ts', CONFIG.replace("'Widget'", "'Gizmo'")), 'reload');
    expect(fixed.result.written).toBe(true);
    expect((await get('/')).html).toContain('Welcome to Gizmo.');
  });

  it('refuses a symlink in content/ that points outside the site, and never serves its target', async () => {
    const outside = makeSite({ 'secret.txt': 'TOP-SECRET-TOKEN' });
    try {
      const { sent } = await change(() => symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'content/leak.txt')), 'errors');
      expect(String(sent.data.report)).toMatch(/^content\/leak\.txt:1:1: error: .*outside content\/.*\[content\/symlink-outside\]/m);
      const response = await get('/leak.txt');
      expect(response.status).toBe(404);
      expect(response.html).not.toContain('TOP-SECRET-TOKEN');
      await change(() => rmSync(path.join(root, 'content/leak.txt')), 'reload');
      expect((await get('/leak.txt')).html).not.toContain('TOP-SECRET-TOKEN');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('builds the last of two quick saves (chokidar drops a change within 50 ms of the one before)', async () => {
    const file = path.join(root, 'content/guide.md');
    const built = dev!.nextBuild();
    writeFileSync(file, GUIDE.replace('first', 'draft one'));
    await within(built, BUILD_TIMEOUT, 'rebuild');
    writeFileSync(file, GUIDE.replace('first', 'draft two')); // right after the rebuild read the first
    await eventually(async () => expect((await get('/guide/')).html).toContain('Install Widget draft two.'), 2000);
  });

  it('survives content/ disappearing, and watches it again once it is back', async () => {
    const saved = readFileSync(path.join(root, 'content/index.md'), 'utf8');
    const broken = await change(() => rmSync(path.join(root, 'content'), { recursive: true }), 'errors');
    expect(broken.result.written).toBe(false);
    expect(String(broken.sent.data.report)).toMatch(/^content:1:1: error: there is no content\/ folder in .*\[content\/no-folder\]$/m);
    expect((await get('/')).html).toContain('Welcome to Widget.'); // the last good build
    const back = dev!.nextBuild();
    mkdirSync(path.join(root, 'content'));
    writeFileSync(path.join(root, 'content/index.md'), saved.replace('Welcome', 'Hello again'));
    await within(back, BUILD_TIMEOUT, 'rebuild');
    await eventually(async () => expect((await get('/')).html).toContain('Hello again to Widget.'));
    // The new folder is watched: a later edit is seen.
    await new Promise((resolve) => setTimeout(resolve, 150)); // past any recheck of the files above
    const { result } = await change(edit('content/index.md', saved.replace('Welcome', 'Still here')), 'reload');
    expect(result.stats.rendered).toBe(1);
    expect((await get('/')).html).toContain('Still here to Widget.');
  });

  it('serves a search index in dev, refreshed after a rebuild', async () => {
    await eventually(async () => expect((await fetch(new URL('/pagefind/pagefind-entry.json', dev!.url))).status).toBe(200), 5000);
    expect((await fetch(new URL('/pagefind/pagefind.js', dev!.url))).status).toBe(200);
  });
});

describe('startDev options', () => {
  it('serves and indexes the generated landing page of a folder without a page of its own', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n', 'content/api/users.md': '# Users\n\nEvery user.\n' });
    const dev = await startDev({ root, port: 0 });
    try {
      const response = await fetch(new URL('/api/', dev.url));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<li><a href="/api/users/">Users</a></li>');
      await eventually(async () => {
        const entry = (await (await fetch(new URL('/pagefind/pagefind-entry.json', dev.url))).json()) as { languages: Record<string, { page_count: number }> };
        expect(Object.values(entry.languages)[0]!.page_count).toBe(3);
      }, 5000);
    } finally {
      await dev.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes the next free port when the one asked for is taken, and serves under the base', async () => {
    const root = makeSite({ 'site.config.ts': "export default { base: '/docs/' };\n", 'content/index.md': '# Home\n\nHello.\n' });
    const first = await startDev({ root, port: 0 });
    let second: DevHandle | undefined;
    try {
      second = await startDev({ root, port: first.port });
      expect(second.port).toBeGreaterThan(first.port);
      expect(second.url).toBe(`http://127.0.0.1:${second.port}/docs/`);
      const response = await fetch(second.url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Hello.');
    } finally {
      await second?.close();
      await first.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('serves a first build with errors as far as it rendered, with every problem for the tab, until it is fixed', async () => {
    const repeated = Array.from({ length: 5 }, (_, i) => `Step ${i + 1}: see {{ site.repo }}/step-${i + 1}.`).join('\n\n');
    const root = makeSite({
      'site.config.ts': "export default { title: 'Acme Docs' };\n",
      'content/index.md': '---\norder: 1\n---\n# Home\n\nRead [the setup](./setup.md), then the [guide](./guide.md).\n',
      'content/guide.md': `---\norder: 2\n---\n# Guide\n\n${repeated}\n`,
      'content/faq.md': '---\ntitle: [FAQ\norder: 3\n---\n# FAQ\n\nAsk us.\n',
    });
    const log: string[] = [];
    const dev = await startDev({ root, port: 0, log: (line) => log.push(line) });
    const events = await openEvents(new URL(DEV_EVENTS_PATH, dev.url).href);
    try {
      expect(log.at(-1)).toMatch(/^build failed in \d+ ms \(3 rendered\): 7 errors, 0 warnings$/);
      const hello = await events.waitFor('hello');
      expect(hello.data.summary).toBe('7 errors, 0 warnings');
      const report = String(hello.data.report);
      expect(report).toMatch(/^content\/index\.md:6:6: error: link to a missing page "\.\/setup\.md"/m);
      expect(report).toMatch(/^content\/faq\.md:3:1: error: invalid YAML frontmatter/m);
      // The overlay folds a repeated problem as the terminal does.
      expect(report).toContain('\ncontent/guide.md: … and 2 more of this problem (undefined placeholder "site.repo") at lines 12, 14\n');

      // The page with a broken link is served as it rendered, styled, with the overlay's script.
      const home = await fetch(dev.url);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain('Read <a href="/setup/">the setup</a>, then the <a href="/guide/">guide</a>.');
      expect(html).toContain(`<script src="${DEV_CLIENT_PATH}"></script></body>`);
      expect((await fetch(new URL('/assets/style.css', dev.url))).status).toBe(200);
      // Pages that did not render: an error page with their own problems, never "not found".
      for (const [url, file] of [['/guide/', 'content/guide.md'], ['/faq/', 'content/faq.md']] as const) {
        const response = await fetch(new URL(url, dev.url));
        expect(response.status, url).toBe(500);
        const page = await response.text();
        expect(page, url).toContain(`<code>${file}</code> has errors, so there is no page at <code>${url}</code> yet.`);
        expect(page, url).toContain(DEV_CLIENT_PATH);
      }
      expect(await (await fetch(new URL('/guide/', dev.url))).text()).toContain('content/guide.md: … and 2 more of this problem (undefined placeholder &quot;site.repo&quot;) at lines 12, 14');
      // A URL that is no page: the theme's 404 page, with the overlay's script too.
      const missing = await fetch(new URL('/setup/', dev.url));
      expect(missing.status).toBe(404);
      const missingHtml = await missing.text();
      expect(missingHtml).toContain('Page not found');
      expect(missingHtml).toContain(DEV_CLIENT_PATH);

      // A save that fixes one page: it is served at once (tabs reload); the page that did
      // not change is kept from the failed build, not laid out again.
      let from = events.events.length;
      let built = dev.nextBuild();
      writeFileSync(path.join(root, 'content/guide.md'), '---\norder: 2\n---\n# Guide\n\nStep one.\n');
      const second = await within(built, BUILD_TIMEOUT, 'rebuild');
      expect(second.written).toBe(false);
      expect(second.stats).toMatchObject({ rendered: 1, reused: 1 });
      expect((await events.waitFor('errors', { from })).data).toMatchObject({ reload: true, summary: '2 errors, 0 warnings' });
      const guide = await fetch(new URL('/guide/', dev.url));
      expect(guide.status).toBe(200);
      expect(await guide.text()).toContain('<p>Step one.</p>');

      from = events.events.length;
      built = dev.nextBuild();
      writeFileSync(path.join(root, 'content/index.md'), '---\norder: 1\n---\n# Home\n\nRead the [guide](./guide.md).\n');
      writeFileSync(path.join(root, 'content/faq.md'), '---\ntitle: FAQ\norder: 3\n---\n# FAQ\n\nAsk us.\n');
      await within(built, BUILD_TIMEOUT, 'rebuild');
      await eventually(async () => expect((await fetch(new URL('/faq/', dev.url))).status).toBe(200));
      await events.waitFor('reload', { from });
      expect(await (await fetch(dev.url)).text()).toContain('Read the <a href="/guide/">guide</a>.');
    } finally {
      events.close();
      await dev.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('answers every URL with a page that carries the problems when the first build stops at the config', async () => {
    const root = makeSite({ 'site.config.ts': "export default { titel: 'Acme' };\n", 'content/index.md': '# Home\n' });
    const dev = await startDev({ root, port: 0 });
    const events = await openEvents(new URL(DEV_EVENTS_PATH, dev.url).href);
    try {
      expect(String((await events.waitFor('hello')).data.report)).toMatch(/^site\.config\.ts:1:\d+: error: unknown config key "titel"/m);
      const response = await fetch(dev.url);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain(DEV_CLIENT_PATH);
    } finally {
      events.close();
      await dev.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('sees a change made the moment it returns, and one made while the first build runs', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n\nFirst.\n' });
    const starting = startDev({ root, port: 0 });
    // Mid-build: after the build has read the page, before it is served.
    await new Promise((resolve) => setTimeout(resolve, 40));
    writeFileSync(path.join(root, 'content/index.md'), '# Home\n\nSecond.\n');
    const dev = await starting;
    try {
      await eventually(async () => expect(await (await fetch(dev.url)).text()).toContain('Second.'));
      const built = dev.nextBuild();
      writeFileSync(path.join(root, 'content/index.md'), '# Home\n\nThird.\n');
      await within(built, BUILD_TIMEOUT, 'rebuild');
      await eventually(async () => expect(await (await fetch(dev.url)).text()).toContain('Third.'));
    } finally {
      await dev.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('picks up a site.config.ts and a templates/ folder created after it started', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n\nMade by {{ page.metadata.maker }}.\n', 'site.config.ts': 'export default {};\n' });
    rmSync(path.join(root, 'site.config.ts'));
    const dev = await startDev({ root, port: 0 });
    try {
      const configured = dev.nextBuild();
      writeFileSync(path.join(root, 'site.config.ts'), "export default { metadata: { maker: 'Acme' } };\n");
      await within(configured, BUILD_TIMEOUT, 'rebuild');
      await eventually(async () => expect(await (await fetch(dev.url)).text()).toContain('Made by Acme.'));

      const themed = dev.nextBuild();
      mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
      writeFileSync(path.join(root, 'templates/partials/footer.liquid'), '<footer class="site-footer">Our own footer</footer>\n');
      await within(themed, BUILD_TIMEOUT, 'rebuild');
      await eventually(async () => expect(await (await fetch(dev.url)).text()).toContain('Our own footer'));
    } finally {
      await dev.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('builds the default variant first and another when it is first visited, each with its own search index', async () => {
    const root = copySite(path.resolve('test/fixtures/variants'));
    rmSync(path.join(root, 'templates'), { recursive: true });
    const logs: string[] = [];
    const dev = await startDev({ root, port: 0, log: (line) => logs.push(line) });
    try {
      expect(logs.find((line) => /^rebuilt in/.test(line))).toMatch(/\(4 rendered\)/);
      expect((await fetch(new URL('on-premises/deploy/broker/', dev.url))).status).toBe(200);
      expect(await (await fetch(new URL('on-premises/deploy/broker/', dev.url))).text()).toContain('tide broker start');
      expect((await fetch(new URL('v2/no/such/page/', dev.url))).status).toBe(404);
      await eventually(async () => {
        expect((await fetch(new URL('on-premises/pagefind/pagefind-entry.json', dev.url))).status).toBe(200);
        expect((await fetch(new URL('pagefind/pagefind-entry.json', dev.url))).status).toBe(200);
      }, 10_000);

      // A tab on an On-premises page: a save rebuilds that variant (first), not every variant visited.
      const events = await openEvents(`${new URL(DEV_EVENTS_PATH, dev.url).href}?page=${encodeURIComponent(new URL('on-premises/reference/streams/', dev.url).pathname)}`);
      await events.waitFor('hello');
      const saved = dev.nextBuild();
      writeFileSync(path.join(root, 'content/reference/streams.md'), readFileSync(path.join(root, 'content/reference/streams.md'), 'utf8') + '\nEdited.\n');
      const result = await within(saved, BUILD_TIMEOUT, 'rebuild');
      expect(result.variants).toEqual([{ name: 'onprem', prefix: 'on-premises/' }]);
      expect(await (await fetch(new URL('on-premises/reference/streams/', dev.url))).text()).toContain('Edited.');
      // The default variant, not rebuilt by that save, is built again when visited.
      expect(await (await fetch(new URL('reference/streams/', dev.url))).text()).toContain('Edited.');
      events.close();
    } finally {
      await dev.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('rejects, after stopping its watcher and workers, when it cannot listen', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n' });
    try {
      await expect(startDev({ root, port: 70000 })).rejects.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
