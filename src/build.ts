import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLinks } from './checks/links.ts';
import { loadConfig } from './config/load.ts';
import type { SiteConfig } from './config/schema.ts';
import { discoverContent } from './content/discover.ts';
import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostics/diagnostic.ts';
import { loadTemplates } from './layout/templates.ts';
import { createRenderEngines } from './render/engines.ts';
import { normalizeSource, renderPage, type RenderedPage } from './render/page.ts';
import type { Writer } from './output/writer.ts';
import { createCodeHighlighter } from './markdown/plugins/highlight.ts';
import { navPage, siteNav } from './nav/site-nav.ts';
import { writeSearchIndex } from './search/pagefind.ts';
import { renderNotFound } from './site-files/not-found.ts';
import { renderSitemap } from './site-files/sitemap.ts';

/** The built-in theme, used for every template a site does not override. */
export const THEME_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'templates');

export interface BuildOptions {
  /** The site folder: holds content/, and optionally site.config.ts and templates/. */
  root: string;
  writer: Writer;
  /** Another theme folder instead of the built-in one (tests). */
  themeDir?: string;
}

export interface BuildResult {
  config: SiteConfig | undefined;
  pages: RenderedPage[];
  /** Every problem of the run, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** Source text by site-relative path, so reports can quote the offending line. */
  sources: Map<string, string>;
  /** Whether the output was committed (only when there were no errors). */
  written: boolean;
}

/**
 * Load everything, render every page, check the site as a whole, then write, and
 * write only when nothing failed, so a broken build never replaces a good site.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { root, writer } = options;
  const sources = new Map<string, string>();
  const loaded = await loadConfig(root);
  if (loaded.source !== undefined) sources.set('site.config.ts', loaded.source);
  if (!loaded.ok) return finish({ config: undefined, pages: [], diagnostics: loaded.diagnostics, sources, writer });
  const config = loaded.config;

  const templates = loadTemplates({ themeDir: options.themeDir ?? THEME_DIR, siteRoot: root });
  for (const [name, text] of Object.entries(templates.sources)) sources.set(templates.files[name] ?? name, text);
  const discovery = discoverContent(root);
  const highlighter = await createCodeHighlighter();
  const engines = createRenderEngines(templates, { highlighter });
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];

  const texts = discovery.pages.map((page) => readFileSync(path.join(root, page.file), 'utf8'));
  // Every page's sidebar lists every page, so the sidebar is known before any page renders.
  const nav = siteNav(config, discovery.pages.map((page, i) => navPage(page, texts[i]!)));
  const pages = discovery.pages.map((page, i) => {
    const source = texts[i]!;
    sources.set(page.file, normalizeSource(source));
    return renderPage({ source, page, config, templates, nav }, engines);
  });
  highlighter.dispose();
  const notFound = renderNotFound({ config, templates, liquid: engines.layoutLiquid, nav });
  diagnostics.push(...notFound.diagnostics);
  for (const page of pages) diagnostics.push(...page.diagnostics);
  diagnostics.push(...checkLinks({ pages, assets: new Set(discovery.assets.map((a) => a.outputPath)), severity: config.brokenLinks }));

  if (!hasErrors(diagnostics)) {
    for (const page of pages) if (page.html !== undefined) writer.write(page.outputPath, page.html);
    for (const [file, from] of Object.entries(templates.assets)) writer.copy(from, file);
    for (const asset of discovery.assets) writer.copy(path.join(root, asset.file), asset.outputPath);
    writer.write('404.html', notFound.html);
    if (config.siteUrl) writer.write('sitemap.xml', renderSitemap({ siteUrl: config.siteUrl, base: config.base, urls: pages.map((page) => page.url) }));
    // Last, from the HTML as written: search sees exactly what readers see.
    diagnostics.push(...(await writeSearchIndex({ pages, base: config.base, writer })));
  }
  return finish({ config, pages, diagnostics, sources, writer });
}

function finish(result: Omit<BuildResult, 'written'> & { writer: Writer }): BuildResult {
  const { writer, ...rest } = result;
  const diagnostics = dedupe(rest.diagnostics).sort(compareDiagnostics);
  const failed = hasErrors(diagnostics);
  if (failed) writer.abort();
  else writer.commit();
  return { ...rest, diagnostics, written: !failed };
}

/** A broken layout fails on every page; say so once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
