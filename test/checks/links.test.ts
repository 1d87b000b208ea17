import { describe, expect, it } from 'vitest';
import { LinkIndex } from '../../src/checks/link-index.ts';
import { checkLinks } from '../../src/checks/links.ts';

const page = (url: string, anchors: string[], links: Array<{ target: string; anchor?: string; kind?: 'page' | 'asset' | 'external' }>) => ({
  file: `content${url}index.md`,
  url,
  anchors,
  links: links.map((l, i) => ({ target: l.target, anchor: l.anchor ?? '', kind: l.kind ?? 'page', element: 'a' as const, written: l.target, line: i + 1, column: 1 })),
});

describe('checkLinks', () => {
  it('accepts links to existing pages, anchors and files', () => {
    const pages = [page('/', ['top'], [{ target: '/a/', anchor: 'x' }, { target: '/', anchor: 'top' }, { target: 'img/a.png', kind: 'asset' }, { target: 'https://x.test', kind: 'external' }]), page('/a/', ['x'], [])];
    expect(checkLinks({ pages, assets: new Set(['img/a.png']), severity: 'error' })).toEqual([]);
  });

  it('reports missing pages and anchors at the configured severity', () => {
    const pages = [page('/', [], [{ target: '/b/' }, { target: '/a/', anchor: 'nope' }]), page('/a/', ['x'], [])];
    expect(checkLinks({ pages, assets: new Set(), severity: 'warning' })).toEqual([
      { file: 'content/index.md', line: 1, column: 1, severity: 'warning', message: 'link to a missing page "/b/"; did you mean "/a/"?', rule: 'links/missing-page' },
      { file: 'content/index.md', line: 2, column: 1, severity: 'warning', message: 'link to a missing anchor "#nope" in "/a/"', rule: 'links/missing-anchor' },
    ]);
  });

  it('kept between rebuilds, answers again for unchanged pages and notices a target that lost its anchor or was removed', () => {
    const index = new LinkIndex();
    const assets = new Set<string>();
    const home = page('/', [], [{ target: '/a/', anchor: 'usage' }]);
    const a = page('/a/', ['usage'], []);
    const check = (pages: ReturnType<typeof page>[]) => checkLinks({ pages, assets, severity: 'error' }, index).map((d) => d.message);
    expect(check([home, a])).toEqual([]);
    expect(check([home, a])).toEqual([]);
    // /a/ re-rendered without the heading: the unchanged home page is checked again.
    const edited = page('/a/', ['other'], []);
    expect(check([home, edited])).toEqual(['link to a missing anchor "#usage" in "/a/"']);
    expect(check([home, a])).toEqual([]);
    expect(check([home])).toEqual(['link to a missing page "/a/"; did you mean "/"?']);
  });
});
