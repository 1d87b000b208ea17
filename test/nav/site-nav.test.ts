import { describe, expect, it } from 'vitest';
import { siteNav } from '../../src/nav/site-nav.ts';

describe('siteNav', () => {
  const pages = [{ contentPath: 'index.md', url: '/', title: 'Home' }, { contentPath: 'guide.md', url: '/guide/', title: 'Guide' }];
  it('uses the config nav when there is one, and the content tree otherwise', () => {
    expect(siteNav({ base: '/', nav: [{ text: 'Only', link: '/guide/' }] }, pages).items.map((item) => item.text)).toEqual(['Only']);
    expect(siteNav({ base: '/' }, pages).items.map((item) => item.text)).toContain('Guide');
  });
});
