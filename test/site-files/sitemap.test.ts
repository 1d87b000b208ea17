import { describe, expect, it } from 'vitest';
import { renderSitemap, SitemapMemo } from '../../src/site-files/sitemap.ts';

describe('renderSitemap', () => {
  it('lists absolute URLs under the base, sorted', () => {
    expect(renderSitemap({ siteUrl: 'https://docs.example.com/', base: '/docs/', urls: ['/b/', '/', '/a & b/'] })).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://docs.example.com/docs/</loc></url>
        <url><loc>https://docs.example.com/docs/a%20&amp;%20b/</loc></url>
        <url><loc>https://docs.example.com/docs/b/</loc></url>
      </urlset>
      "
    `);
  });
});

describe('SitemapMemo', () => {
  it('makes the sitemap again only when a URL, their order, the site address or the base changed', () => {
    const memo = new SitemapMemo();
    const input = { siteUrl: 'https://docs.example.com', base: '/', urls: ['/', '/a/'] };
    const first = memo.of(input);
    expect(first.text).toBe(renderSitemap(input));
    expect(memo.of({ ...input, urls: ['/', '/a/'] })).toBe(first);
    for (const changed of [{ ...input, urls: ['/', '/b/'] }, { ...input, urls: ['/'] }, { ...input, base: '/docs/' }, { ...input, siteUrl: 'https://example.org' }]) {
      const made = memo.of(changed);
      expect(made.text).toBe(renderSitemap(changed));
      expect(made.fingerprint).not.toBe(first.fingerprint);
    }
  });
});
