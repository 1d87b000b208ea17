import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/index.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import type { PageRecord } from '../../src/render/page.ts';
import { EMPTY_VIEW, htmlChanged, viewAfter, type SiteView } from '../../src/dev/view.ts';

const record = (name: string, diagnostics: Diagnostic[] = []): PageRecord => ({
  file: `content/${name}.md`, url: `/${name}/`, outputPath: `${name}/index.html`, title: name, frontmatter: {},
  headings: [], anchors: [], placeholders: [], links: [], diagnostics,
});
const error = (file: string, line: number, message: string): Diagnostic => ({ file, line, column: 1, severity: 'error', message, rule: 'liquid/undefined-variable' });
const result = (pages: PageRecord[], written: boolean, sources = new Map<string, string>()): BuildResult => ({
  config: undefined, pages, landingPages: [], diagnostics: pages.flatMap((p) => p.diagnostics), sources, written, stats: { rendered: 0, laidOut: 0, reused: 0 },
});
const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('viewAfter: what the dev server serves after a build', () => {
  it('serves a build that succeeded as it committed it', () => {
    const committed = files({ 'a/index.html': 'A' });
    expect(viewAfter({ result: result([record('a')], true), committed, failed: undefined, previous: EMPTY_VIEW, base: '/' })).toEqual({ files: committed, errorPages: new Set() });
  });

  it('keeps what it served when a build stopped before rendering anything (a config error)', () => {
    const previous: SiteView = { files: files({ 'a/index.html': 'A' }), errorPages: new Set() };
    expect(viewAfter({ result: result([], false), committed: new Map(), failed: new Map(), previous, base: '/' })).toBe(previous);
  });

  it('serves a failed build as far as it rendered: pages now, then their latest rendering, then an error page', () => {
    const broken = record('broken', [error('content/broken.md', 2, 'undefined placeholder "site.nope"')]);
    const failed = files({ 'fresh/index.html': 'FRESH v2', 'assets/style.css': 'css', '404.html': 'NF' });
    const previous: SiteView = { files: files({ 'fresh/index.html': 'FRESH v1', 'stale/index.html': 'STALE v1', 'gone/index.html': 'GONE' }), errorPages: new Set() };
    const view = viewAfter({
      result: result([record('fresh'), record('stale', [error('content/stale.md', 1, 'x')]), broken], false, new Map([['content/broken.md', 'Hi\n{{ site.nope }}\n']])),
      committed: new Map(), failed, previous, base: '/docs/',
    });
    expect([...view.files.keys()].sort()).toEqual(['404.html', 'assets/style.css', 'broken/index.html', 'fresh/index.html', 'stale/index.html']);
    expect(view.files.get('fresh/index.html')).toBe('FRESH v2'); // rendered now: as it is now
    expect(view.files.get('stale/index.html')).toBe('STALE v1'); // did not render: its latest rendering
    expect(view.errorPages).toEqual(new Set(['broken/index.html']));
    const page = String(view.files.get('broken/index.html'));
    expect(page).toContain('<h1>This page did not render</h1>');
    expect(page).toContain('<code>content/broken.md</code> has errors, so there is no page at <code>/docs/broken/</code> yet.');
    expect(page).toContain('content/broken.md:2:1: error: undefined placeholder &quot;site.nope&quot; [liquid/undefined-variable]\n  2 | {{ site.nope }}\n    | ^');
    expect(page).toContain('<a href="/docs/">Go to the home page</a>');
  });

  it('does not take an earlier error page for a rendering: a page that never rendered gets a fresh one', () => {
    const broken = record('broken', [error('content/broken.md', 3, 'second problem')]);
    const previous: SiteView = { files: files({ 'broken/index.html': 'old error page' }), errorPages: new Set(['broken/index.html']) };
    const view = viewAfter({ result: result([broken], false), committed: new Map(), failed: new Map(), previous, base: '/' });
    expect(String(view.files.get('broken/index.html'))).toContain('second problem');
    expect(view.errorPages.has('broken/index.html')).toBe(true);
  });
});

describe('htmlChanged', () => {
  const view = (entries: Record<string, string | Uint8Array>): SiteView => ({ files: new Map(Object.entries(entries)), errorPages: new Set() });
  it('tells a changed, added or removed HTML file, and ignores other files', () => {
    const before = view({ 'a/index.html': 'A', 'style.css': 'x' });
    expect(htmlChanged(before, view({ 'a/index.html': 'A', 'style.css': 'y' }))).toBe(false);
    expect(htmlChanged(before, view({ 'a/index.html': 'A2', 'style.css': 'x' }))).toBe(true);
    expect(htmlChanged(before, view({ 'a/index.html': 'A', 'b/index.html': 'B' }))).toBe(true);
    expect(htmlChanged(before, view({ 'style.css': 'x' }))).toBe(true);
    expect(htmlChanged(view({ 'e.html': Buffer.from('E') }), view({ 'e.html': Buffer.from('E') }))).toBe(false);
  });
});
