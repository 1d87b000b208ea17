import { escapeHtml } from '../template/liquid.ts';

/**
 * sitemap.xml for search engines: one absolute URL per page. Only written when the
 * config has a `siteUrl`, since a sitemap must list absolute URLs.
 */
export function renderSitemap(input: { siteUrl: string; base: string; urls: readonly string[] }): string {
  const origin = input.siteUrl.replace(/\/+$/, '');
  const entries = [...input.urls]
    .sort()
    .map((url) => `  <url><loc>${escapeHtml(origin + encodeURI(input.base + url.slice(1)))}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</urlset>', ''].join('\n');
}
