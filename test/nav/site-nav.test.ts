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
});
