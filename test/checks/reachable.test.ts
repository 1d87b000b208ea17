import { describe, expect, it } from 'vitest';
import { CheckMemo } from '../../src/checks/memo.ts';
import { checkReachable } from '../../src/checks/reachable.ts';
import { SiteNav } from '../../src/nav/site-nav.ts';

const page = (url: string, links: string[] = []) => ({ file: `content${url}index.md`, url, links: links.map((target) => ({ kind: 'page', target })) });
const item = (url: string) => ({ text: url, href: url, url, external: false, items: [] });

describe('checkReachable', () => {
  it('follows links from the home page and the sidebar, and warns about the rest', () => {
    const pages = [page('/', ['/a/']), page('/a/', ['/b/']), page('/b/'), page('/c/'), page('/orphan/'), page('/in-nav/')];
    expect(checkReachable({ pages, sidebar: new SiteNav([item('/in-nav/')]) }).map((d) => d.file)).toEqual(['content/c/index.md', 'content/orphan/index.md']);
    expect(checkReachable({ pages, sidebar: new SiteNav([item('/in-nav/')]) })[0]).toMatchObject({ severity: 'warning', rule: 'nav/unreachable', line: 1, column: 1 });
  });
});

describe('checkReachable with a memo kept between runs (the dev server)', () => {
  const files = (diagnostics: Array<{ file: string }>) => diagnostics.map((d) => d.file);

  it('answers again when a page’s links, the sidebar or the pages change, and only then reuses its answer', () => {
    const index = new CheckMemo();
    const sidebar = new SiteNav([item('/in-nav/')]);
    const pages = [page('/', ['/a/']), page('/a/'), page('/b/'), page('/in-nav/')];
    const first = checkReachable({ pages, sidebar }, index);
    expect(files(first)).toEqual(['content/b/index.md']);

    // Re-rendered with the same links (new arrays, equal targets): the same answer, in fresh objects.
    const rerendered = pages.map((p) => ({ ...p, links: p.links.map((link) => ({ ...link })) }));
    const again = checkReachable({ pages: rerendered, sidebar }, index);
    expect(again).toEqual(first);
    expect(again[0]).not.toBe(first[0]);
    again[0]!.message = 'changed by a caller';
    expect(checkReachable({ pages: rerendered, sidebar }, index)[0]!.message).not.toBe('changed by a caller');

    // A page now links to the orphan.
    const linked = rerendered.map((p) => (p.url === '/a/' ? page('/a/', ['/b/']) : p));
    expect(checkReachable({ pages: linked, sidebar }, index)).toEqual([]);
    // The link gone again.
    expect(files(checkReachable({ pages: rerendered, sidebar }, index))).toEqual(['content/b/index.md']);
    // Another sidebar.
    expect(checkReachable({ pages: rerendered, sidebar: new SiteNav([item('/in-nav/'), item('/b/')]) }, index)).toEqual([]);
    // Another page list, and a file moved under the same URL.
    expect(files(checkReachable({ pages: [...rerendered, page('/new/')], sidebar }, index))).toEqual(['content/b/index.md', 'content/new/index.md']);
    expect(files(checkReachable({ pages: rerendered, sidebar }, index))).toEqual(['content/b/index.md']);
    const moved = rerendered.map((p) => (p.url === '/b/' ? { ...p, file: 'content/b.md' } : p));
    expect(files(checkReachable({ pages: moved, sidebar }, index))).toEqual(['content/b.md']);
  });
});
