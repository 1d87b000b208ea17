import { describe, expect, it } from 'vitest';
import { FULL_SIDEBAR_LIMIT, SIBLING_WINDOW, SidebarHtml } from '../../src/nav/sidebar-html.ts';
import { navGroupIds } from '../../src/nav/sidebar-groups.ts';
import type { NavItem } from '../../src/nav/sidebar.ts';

const link = (url: string, text = url, items: NavItem[] = []): NavItem => ({ text, href: url, url, external: false, items });
const group = (text: string, items: NavItem[]): NavItem => ({ text, href: '', url: '', external: false, items });
const section = (name: string, count: number, items: NavItem[] = []) => link(`/${name}/`, name, [...Array.from({ length: count }, (_, i) => link(`/${name}/p${i}/`)), ...items]);
/** Sections big enough that pages show their path only. */
const big = (count = Math.ceil(FULL_SIDEBAR_LIMIT / 2)) => [section('a', count, [section('a/deep', 3)]), section('b', count, [section('b/deep', 3)]), group('loose', [link('/loose/x/')])];

describe('SidebarHtml', () => {
  it('marks the current page and the groups leading to it, escaping text', () => {
    const html = new SidebarHtml([link('/', 'Home'), group('API <v1>', [link('/api/users/', 'Users & teams')])]).render('/api/users/');
    expect(html).toBe(
      '<ul>\n<li><a href="/">Home</a>\n</li>\n<li class="active"><span class="nav-group">API &lt;v1&gt;</span>\n<ul>\n<li class="active"><a aria-current="page" href="/api/users/">Users &amp; teams</a>\n</li>\n</ul></li>\n</ul>',
    );
  });

  it('shows the whole tree on a small site, without markers', () => {
    const sidebar = new SidebarHtml([section('a', 3), section('b', 3, [section('b/deep', 2)])]);
    expect(sidebar.collapse).toBe(false);
    const html = sidebar.render('/a/p1/');
    expect(html).toContain('/b/p2/');
    expect(html).toContain('/b/deep/p1/');
    expect(html).not.toContain('data-nav-group');
    expect(sidebar.render('/b/p0/')).toContain('/a/p2/');
  });

  it('on a big site opens the path to the page with its siblings, and collapses every other group to its heading', () => {
    const items = big();
    const sidebar = new SidebarHtml(items);
    expect(sidebar.collapse).toBe(true);
    const html = sidebar.render('/a/deep/p1/');
    // The path, open, with the siblings along it, the current page marked.
    expect(html).toContain('<li class="active"><a href="/a/">a</a>');
    expect(html).toContain('<li class="active"><a href="/a/deep/">a/deep</a>');
    expect(html).toContain('<a aria-current="page" href="/a/deep/p1/">');
    expect(html).toContain('/a/deep/p2/');
    expect(html).toContain('/a/p74/');
    // Other groups: heading and link, marked with their id, no children; a group without a page is collapsed too.
    const groups = navGroupIds(items);
    const ids = new Map([...groups].map(([item, { id }]) => [item, id]));
    expect(html).toContain(`<li data-nav-group="${ids.get(items[1]!)}"><a href="/b/">b</a>\n</li>`);
    expect(html).toContain(`<li data-nav-group="${ids.get(items[2]!)}"><span class="nav-group">loose</span>\n</li>`);
    expect(html).not.toContain('/b/p');
    expect(html).not.toContain('/loose/x/');
    // Groups off the path inside an open group are collapsed as well.
    const section = sidebar.render('/a/p70/');
    expect(section).toContain(`<li data-nav-group="${ids.get(items[0]!.items.at(-1)!)}"><a href="/a/deep/">a/deep</a>\n</li>`);
    expect(section).not.toContain('/a/deep/p1/');
    // The same page again: strings made once per sidebar give the same HTML.
    expect(sidebar.render('/a/deep/p1/')).toBe(html);
  });

  it('shows a window of a big open group around the current page, linking to the group page for the rest', () => {
    const items = [section('a', 800), section('b', 10), section('c', 200)];
    const sidebar = new SidebarHtml(items);
    const html = sidebar.render('/a/p400/');
    const shown = [...html.matchAll(/href="\/a\/p(\d+)\/"/g)].map((match) => Number(match[1]));
    expect(shown).toEqual(Array.from({ length: 2 * SIBLING_WINDOW + 1 }, (_, i) => 400 - SIBLING_WINDOW + i));
    expect(html).toContain(`<li class="nav-more"><a href="/a/">${400 - SIBLING_WINDOW} more in a</a>`);
    expect(html).toContain(`<li class="nav-more"><a href="/a/">${800 - 401 - SIBLING_WINDOW} more in a</a>`);
    // At an end of the group the window stays full, with one link for the rest.
    const first = sidebar.render('/a/p0/');
    expect(first.match(/nav-more/g)).toHaveLength(1);
    expect(first).toContain('/a/p24/');
    // The group's own page shows the window's start; a group that fits is shown whole.
    expect(sidebar.render('/a/')).toContain(`${800 - 2 * SIBLING_WINDOW - 1} more in a`);
    expect(sidebar.render('/b/p3/')).not.toContain('nav-more');
    // Its size does not grow with the section's.
    const pageIn = (count: number) => new SidebarHtml([section('a', count), section('b', 10), section('c', 200)]).render('/a/p100/').length;
    expect(pageIn(16_000)).toBeLessThanOrEqual(pageIn(800) + 20);
  });

  it("keeps a page's sidebar the same size however big the other sections are", () => {
    const page = (other: number) => {
      const items = [section('a', 80), section('b', other), section('c', other)];
      return new SidebarHtml(items).render('/a/p3/').length;
    };
    expect(page(100)).toBe(page(4000));
  });

  it('keys a page\'s render: a different render always has a different key, and pages off a change keep theirs', () => {
    const urls = (items: readonly NavItem[]): string[] => items.flatMap((item) => [...(item.url ? [item.url] : []), ...urls(item.items)]);
    const rename = (items: NavItem[], url: string, text: string): NavItem[] => items.map((item) => ({ ...item, text: item.url === url ? text : item.text, items: rename(item.items, url, text) }));
    const base = big();
    const changed: Array<[string, NavItem[]]> = [
      ['a page added to a section', [section('a', Math.ceil(FULL_SIDEBAR_LIMIT / 2) + 1, [section('a/deep', 3)]), ...base.slice(1)]],
      ['a page added at the top', [...base, link('/top/')]],
      ['a page renamed', rename(base, '/b/deep/p1/', 'renamed')],
      ['a page removed', [base[0]!, section('b', Math.ceil(FULL_SIDEBAR_LIMIT / 2) - 1, [section('b/deep', 3)]), base[2]!]],
      ['a small sidebar', [section('a', 3), section('b', 3)]],
    ];
    const before = new SidebarHtml(base);
    for (const [what, items] of changed) {
      const after = new SidebarHtml(items);
      let kept = 0;
      for (const url of new Set([...urls(base), ...urls(items), '/elsewhere/', ''])) {
        const same = before.render(url) === after.render(url);
        expect(before.renderKey(url) === after.renderKey(url), `${what}: ${url}`).toBe(same);
        if (same) kept++;
      }
      // Only the small sidebar changes every page.
      if (what !== 'a small sidebar' && what !== 'a page added at the top') expect(kept, what).toBeGreaterThan(50);
    }
  });
});

