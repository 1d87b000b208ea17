import { describe, expect, it } from 'vitest';
import { renderSitemap } from '../../src/site-files/sitemap.ts';

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
