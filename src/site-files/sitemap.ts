import { contentFingerprint } from '../output/fingerprint.ts';
import { sameStrings } from '../render/keys.ts';
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

/**
 * The sitemap as last made, kept by a build session: a dev save on a site of 16,000 pages
 * would otherwise sort, escape and hash 16,000 URLs again for the same file.
 */
export class SitemapMemo {
  private last: { siteUrl: string; base: string; urls: readonly string[]; text: string; fingerprint: string } | undefined;

  /** The sitemap of these URLs with its fingerprint, made again only when a URL, their order, `siteUrl` or `base` changed. */
  of(input: { siteUrl: string; base: string; urls: readonly string[] }): { text: string; fingerprint: string } {
    const last = this.last;
    if (last && last.siteUrl === input.siteUrl && last.base === input.base && sameStrings(last.urls, input.urls)) return last;
    const text = renderSitemap(input);
    this.last = { ...input, text, fingerprint: contentFingerprint(text) };
    return this.last;
  }
}
