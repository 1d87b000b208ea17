import { describe, expect, it } from 'vitest';
import { siteNav } from '../../src/nav/site-nav.ts';

describe('siteNav', () => {
  const pages = [{ contentPath: 'index.md', url: '/', title: 'Home' }, { contentPath: 'guide.md', url: '/guide/', title: 'Guide' }];
  it('uses the config nav when there is one, and the content tree otherwise', () => {
    expect(siteNav({ base: '/', nav: [{ text: 'Only', link: '/guide/' }] }, pages).items.map((item) => item.text)).toEqual(['Only']);
    expect(siteNav({ base: '/' }, pages).items.map((item) => item.text)).toContain('Guide');
  });

  it('lists the groups that get a generated landing page, depth first', () => {
    const nav = siteNav({ base: '/' }, [...pages, { contentPath: 'api/v1/users.md', url: '/api/v1/users/', title: 'Users' }, { contentPath: 'cli/run.md', url: '/cli/run/', title: 'run' }]);
    expect(nav.landingGroups.map((item) => item.url)).toEqual(['/api/', '/api/v1/', '/cli/']);
    expect([...nav.landingUrls]).toEqual(['/api/', '/api/v1/', '/cli/']);
    // A configured group without a link gets one too, at the folder its pages share.
    expect(siteNav({ base: '/', nav: [{ text: 'API', items: [{ text: 'Users', link: '/api/v1/users/' }] }] }, pages).landingGroups.map((item) => item.url)).toEqual(['/api/v1/']);
  });

  it("keys a page's view of the sidebar: the same while the HTML it prints and its neighbours are", () => {
    // Two sections, each past half the full-sidebar limit: each page shows the other section's heading alone.
    const section = (name: string, count: number) => Array.from({ length: count }, (_, i) => ({ contentPath: `${name}/p${String(i).padStart(2, '0')}.md`, url: `/${name}/p${String(i).padStart(2, '0')}/`, title: `${name} ${String(i).padStart(2, '0')}` }));
    const before = siteNav({ base: '/' }, [...section('alpha', 80), ...section('beta', 80)]);
    const after = siteNav({ base: '/' }, [...section('alpha', 81), ...section('beta', 80)]);
    expect(after.viewKey('/beta/p05/')).toBe(before.viewKey('/beta/p05/'));
    const view = (nav: typeof before, url: string) => {
      const { sidebar_html, prev, next } = nav.forPage(url);
      return { sidebar_html, prev, next };
    };
    expect(view(after, '/beta/p05/')).toEqual(view(before, '/beta/p05/'));
    // The added page's section, and the page it now precedes, see it.
    expect(after.viewKey('/alpha/p05/')).not.toBe(before.viewKey('/alpha/p05/'));
    expect(after.viewKey('/beta/p00/')).not.toBe(before.viewKey('/beta/p00/'));
    expect(after.forPage('/beta/p00/').prev?.href).toBe('/alpha/p80/');
  });
});
