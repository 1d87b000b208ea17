import { describe, expect, it } from 'vitest';
import { sidebarFromPages } from '../../src/nav/sidebar.ts';
import { SiteNav } from '../../src/nav/site-nav.ts';

const sidebar = sidebarFromPages(
  [
    { contentPath: 'index.md', url: '/', title: 'Home' },
    { contentPath: 'api/users.md', url: '/api/users/', title: 'Users', order: 1 },
    { contentPath: 'api/teams.md', url: '/api/teams/', title: 'Teams', order: 2 },
  ],
  '/',
);

const pageNav = (items: typeof sidebar, url: string) => new SiteNav(items).forPage(url);

describe('SiteNav.forPage', () => {
  it('marks the current page and the groups that lead to it', () => {
    const nav = pageNav(sidebar, '/api/users/');
    const api = nav.sidebar[1]!;
    expect(api).toMatchObject({ text: 'API', current: false, active: true });
    expect(api.items.map((item) => [item.text, item.current])).toEqual([['Users', true], ['Teams', false]]);
    expect(nav.sidebar[0]).toMatchObject({ current: false, active: false });
  });

  it('links the previous and next pages in reading order', () => {
    expect(pageNav(sidebar, '/api/users/')).toMatchObject({ prev: { text: 'Home', href: '/' }, next: { text: 'Teams', href: '/api/teams/' } });
    expect(pageNav(sidebar, '/')).toMatchObject({ prev: null, next: { text: 'Users' } });
    expect(pageNav(sidebar, '/api/teams/').next).toBeNull();
  });

  it('marks a folder\'s generated landing page as current, and keeps it out of prev/next', () => {
    const nav = pageNav(sidebar, '/api/');
    expect(nav.sidebar[1]).toMatchObject({ text: 'API', href: '/api/', current: true, active: true, generated: true });
    expect(nav.sidebar[0]).toMatchObject({ generated: false });
    expect(nav.sidebar_html).toContain('<li class="active"><a aria-current="page" href="/api/">API</a>');
    expect(nav).toMatchObject({ prev: null, next: null });
    expect(new SiteNav(sidebar).readingOrder.map((item) => item.url)).toEqual(['/', '/api/users/', '/api/teams/']);
  });

  it('has no neighbours for a page missing from the sidebar', () => {
    expect(pageNav(sidebar, '/404.html')).toMatchObject({ prev: null, next: null });
  });
});
