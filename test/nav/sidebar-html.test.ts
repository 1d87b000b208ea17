import { describe, expect, it } from 'vitest';
import { FULL_SIDEBAR_LIMIT, SidebarHtml } from '../../src/nav/sidebar-html.ts';
import type { NavItem } from '../../src/nav/sidebar.ts';

const link = (url: string, text = url, items: NavItem[] = []): NavItem => ({ text, href: url, url, external: false, items });
const group = (text: string, items: NavItem[]): NavItem => ({ text, href: '', url: '', external: false, items });

describe('SidebarHtml', () => {
  it('marks the current page and the groups leading to it, escaping text', () => {
    const html = new SidebarHtml([link('/', 'Home'), group('API <v1>', [link('/api/users/', 'Users & teams')])]).render('/api/users/');
    expect(html).toBe(
      '<ul>\n<li><a href="/">Home</a>\n</li>\n<li class="active"><span class="nav-group">API &lt;v1&gt;</span>\n<ul>\n<li class="active"><a aria-current="page" href="/api/users/">Users &amp; teams</a>\n</li>\n</ul></li>\n</ul>',
    );
  });

  it('shows every section on a small site, and only the open one (and page-less groups) on a big one', () => {
    const section = (name: string, count: number) => link(`/${name}/`, name, Array.from({ length: count }, (_, i) => link(`/${name}/p${i}/`)));
    const small = new SidebarHtml([section('a', 3), section('b', 3)]).render('/a/p1/');
    expect(small).toContain('/b/p2/');
    const per = Math.ceil(FULL_SIDEBAR_LIMIT / 2);
    const big = new SidebarHtml([section('a', per), section('b', per), group('loose', [link('/loose/x/')])]).render('/a/p1/');
    expect(big).toContain('/a/p2/');
    expect(big).toContain('<a href="/b/">b</a>');
    expect(big).not.toContain('/b/p2/');
    expect(big).toContain('/loose/x/');
  });
});
