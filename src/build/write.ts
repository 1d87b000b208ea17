import path from 'node:path';
import type { SiteConfig } from '../config/schema.ts';
import type { AssetSource } from '../content/discover.ts';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { escapeHtml } from '../template/liquid.ts';
import type { TemplateSet } from '../template/templates.ts';
import type { SiteNav } from '../nav/site-nav.ts';
import type { Writer } from '../output/writer.ts';
import type { PageRecord } from '../render/page.ts';
import type { SearchIndexer } from '../search/pagefind.ts';
import type { LandingPage } from '../site-files/landing.ts';
import { writeNavGroups } from '../site-files/nav-groups.ts';
import type { SitemapMemo } from '../site-files/sitemap.ts';
import { writeLlmsFiles, type LlmsList } from '../site-files/llms.ts';
import type { SearchPlan } from './plan.ts';

export interface SiteFilesInput {
  root: string;
  writer: Writer;
  config: SiteConfig;
  templates: TemplateSet;
  assets: readonly AssetSource[];
  /** What each variant (the site, without variants) made. */
  variants: readonly VariantFiles[];
  /** Every problem so far: with an error, nothing that only a good build needs is made. */
  diagnostics: readonly Diagnostic[];
  /** Whether to make llms-full.txt (with `llms` on): the dev server makes it only when asked. */
  llmsFull: boolean;
  /** The session's last sitemap. */
  sitemap: SitemapMemo;
}

/** One variant's files, all under its path. */
export interface VariantFiles {
  /** `self-hosted/`, or nothing for the default variant and a site without variants. */
  prefix: string;
  /** Pages left out of the sitemap, by URL: all of a preview variant, an outdated one's that the default variant has (their canonical page is there). */
  leftOutOfSitemap: 'all' | ((url: string) => boolean);
  /** The default variant's own path (`cloud/`): each of its pages there too, as a redirect, so links that name it survive a change of default. */
  redirectsUnder?: string | undefined;
  notFoundHtml: string;
  /** The sidebar: its collapsed groups' entries are written for the theme's script. */
  nav: SiteNav;
  /** The folders' generated landing pages: written, listed in the sitemap and indexed after the pages. */
  landingPages: readonly LandingPage[];
  pages: readonly PageRecord[];
  /** The key each page's Markdown twin was written from, in the order of `pages`. */
  twinKeys: readonly string[];
  /** The variant's llms.txt as last made (kept by its VariantBuild). */
  llmsList: LlmsList;
  search: { plan: SearchPlan; indexer: SearchIndexer | undefined };
}

/**
 * The write phase, after the pages: the theme's assets and the site's files, once; per
 * variant 404.html, the sidebar's collapsed groups as JSON, the folders' landing pages and
 * the search index; the sitemap of every variant's pages. Assets, 404.html, the groups'
 * JSON and landing pages are written even when the build failed: the writer throws them
 * away then (disk, check), but the dev server serves what did render, and a page needs its
 * stylesheet and images. Returns the search indexes' problems.
 */
export async function writeSiteFiles(input: SiteFilesInput): Promise<Diagnostic[]> {
  const { writer, config } = input;
  for (const [file, from] of Object.entries(input.templates.assets)) writer.copy(from, file);
  for (const asset of input.assets) writer.copy(path.join(input.root, asset.file), asset.outputPath);
  for (const variant of input.variants) {
    writer.write(`${variant.prefix}404.html`, variant.notFoundHtml);
    writeNavGroups(writer, variant.nav, variant.prefix);
    // Each is written from its own HTML's hash: it is made from the sidebar, the layout and
    // the config, and is small enough to make again on every run.
    for (const page of variant.landingPages) writer.write(variant.prefix + page.outputPath, page.html);
    if (variant.redirectsUnder) {
      // Made from the URL and the config alone: one the output holds is carried, not made again (a dev rebuild touches one page).
      const made = `redirect\0${config.base}\0${config.siteUrl ?? ''}`;
      for (const page of [...variant.pages, ...variant.landingPages]) {
        const file = variant.redirectsUnder + page.outputPath;
        const fingerprint = `${made}\0${page.url}`;
        if (writer.current.holds(file, fingerprint)) writer.carry(file, fingerprint);
        else writer.write(file, redirectPage(config, page.url), fingerprint);
      }
    }
  }
  if (hasErrors(input.diagnostics)) {
    for (const variant of input.variants) await variant.search.indexer?.discard();
    return [];
  }
  if (config.siteUrl) {
    const urls = input.variants.flatMap(({ leftOutOfSitemap: left, prefix, pages, landingPages }) =>
      left === 'all' ? [] : [...pages, ...landingPages].filter((page) => !left(page.url)).map((page) => `/${prefix}${page.url.slice(1)}`),
    );
    const sitemap = input.sitemap.of({ siteUrl: config.siteUrl, base: config.base, urls });
    writer.write('sitemap.xml', sitemap.text, sitemap.fingerprint);
  }
  if (config.llms) {
    for (const { prefix, nav, pages, twinKeys, llmsList } of input.variants) writeLlmsFiles({ writer, config, prefix, nav, pages, twinKeys, full: input.llmsFull, list: llmsList });
  }
  const problems: Diagnostic[] = [];
  for (const { search, landingPages } of input.variants) {
    if (search.plan.kind === 'carry') for (const file of search.plan.files) writer.carry(file, search.plan.fingerprint);
    // Last, from the HTML as written: search sees exactly what readers see. Landing pages
    // come after every page, in sidebar order, so the index is the same on every run.
    if (search.indexer && search.plan.kind === 'index') {
      for (const page of landingPages) search.indexer.add(page);
      problems.push(...(await search.indexer.write(writer, search.plan.fingerprint)));
    }
  }
  return problems;
}

/** A page that sends the reader (and search engines, by its canonical link) to the page at `url`. */
function redirectPage(config: SiteConfig, url: string): string {
  const target = escapeHtml(encodeURI(config.base + url.slice(1)));
  const canonical = config.siteUrl ? `\n<link rel="canonical" href="${escapeHtml(config.siteUrl.replace(/\/+$/, '') + encodeURI(config.base + url.slice(1)))}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>${canonical}
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<p>This page is at <a href="${target}">${target}</a>.</p>
</body>
</html>
`;
}
