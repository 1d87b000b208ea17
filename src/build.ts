import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { Highlighter } from 'shiki';
import { checkLinks } from './checks/links.ts';
import { checkUnusedMetadata } from './checks/metadata.ts';
import { CheckMemo } from './checks/memo.ts';
import { checkReachable } from './checks/reachable.ts';
import { CONFIG_FILE, loadConfig } from './config/load.ts';
import type { SiteConfig } from './config/schema.ts';
import { normalizeSource } from './content/decode.ts';
import { discoverContent, type PageSource } from './content/discover.ts';
import type { PageHeader } from './content/page-header.ts';
import { titleFromPath } from './content/titles.ts';
import { PageSources } from './content/sources.ts';
import { compareDiagnostics, hasErrors, type Diagnostic, type SourcePosition } from './diagnostics/diagnostic.ts';
import { TemplateHasher } from './layout/dependencies.ts';
import { loadTemplates, TEMPLATES_DIR, type TemplateSet } from './template/templates.ts';
import { siteNav, type SiteNav } from './nav/site-nav.ts';
import type { NavPage } from './nav/sidebar.ts';
import type { Writer } from './output/writer.ts';
import { hashOf } from './hashing/hash.ts';
import type { RenderCache } from './render/cache.ts';
import type { RenderEngines } from './render/engines.ts';
import type { ContentRecord, PageRecord, RenderedPage } from './render/page.ts';
import { RenderKeys } from './render/keys.ts';
import { RenderPool, type RenderSetup } from './render/pool.ts';
import { LayoutPass, RenderedContents, type ContentJob } from './render/render-all.ts';
import { PAGEFIND_VERSION, SEARCH_DIR, startSearchIndex, type SearchIndexer } from './search/pagefind.ts';
import { CODE_ID, PACKAGE_ROOT } from './runtime.ts';
import { renderNotFound } from './site-files/not-found.ts';
import { renderSitemap } from './site-files/sitemap.ts';
import { createLiquid } from './template/liquid.ts';
import { metadataPathsIn, usedVariables } from './template/placeholders.ts';

/** The built-in theme, used for every template a site does not override. */
export const THEME_DIR = path.join(PACKAGE_ROOT, 'templates');
/** A worker costs a second or so to start (the pipeline and Shiki): one per this many pages. */
const POOL_PAGES_PER_WORKER = 64;
/** Part of every cache key: a new generator version never reuses an old rendering. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** The package's version and the code's own id: any change to docsmith's code renders every page anew. */
const GENERATOR_VERSION = `${PACKAGE_VERSION}+${CODE_ID}`;

export interface BuildOptions {
  /** The site folder: holds content/, and optionally site.config.ts and templates/. */
  root: string;
  writer: Writer;
  /** Another theme folder instead of the built-in one (tests). */
  themeDir?: string;
  /** Rendered pages by content hash; a hit skips rendering. */
  cache?: RenderCache;
  /**
   * Render on worker threads: how many (`'auto'`: one per core, fewer for small
   * sites). Workers also enforce the per-page time limit. `0`: in this thread.
   * @default 0
   */
  workers?: number | 'auto';
  /** A page that renders longer than this on a worker is stopped and reported. @default 10000 */
  pageTimeLimitMs?: number;
  /** Build the Pagefind search index. @default true */
  search?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Sees every page as it is made, HTML included (the result keeps only records). Reused pages come without HTML. */
  onPage?: (page: RenderedPage) => void;
}

export interface BuildStats {
  /** Pages whose content was rendered (not from the cache). */
  rendered: number;
  /** Pages whose cached content got a fresh layout (the sidebar changed). */
  laidOut: number;
  /** Pages the output already held as they are: neither rendered nor laid out. */
  reused: number;
}

export interface BuildResult {
  config: SiteConfig | undefined;
  /** Every page, without its HTML (that went to the writer). */
  pages: PageRecord[];
  /** Every problem of the run, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** Source text of the files with problems, by site-relative path, so reports can quote the offending line. */
  sources: Map<string, string>;
  /** Whether the output was committed (only when there were no errors). */
  written: boolean;
  stats: BuildStats;
}

/** Builds a site once. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const session = new BuildSession(options);
  try {
    return await session.run();
  } finally {
    await session.close();
  }
}

/**
 * A site kept loaded between builds: the dev server runs it again after each change,
 * telling it which files changed, and it reloads only those; everything else (config,
 * templates, engines, workers, rendered pages) is reused.
 *
 * One run: load everything, render every page, check the site as a whole, then write,
 * and write only when nothing failed, so a broken build never replaces a good site.
 */
export class BuildSession {
  private config: { config: SiteConfig; source: string | undefined; hash: string } | undefined;
  private theme: LoadedTheme | undefined;
  private readonly sources: PageSources;
  private readonly keys = new RenderKeys();
  private readonly checks = new CheckMemo();
  /** The last run's content listing, reused while no file was added or removed. */
  private discovery: (ReturnType<typeof discoverContent> & { files: Set<string>; assetPaths: Set<string> }) | undefined;
  /** The sidebar and what depends on it alone, reused while no sidebar entry, the config or the theme changed. */
  private shared: { entries: NavPage[]; config: SiteConfig; theme: LoadedTheme; nav: SiteNav; navHash: string; notFound: ReturnType<typeof renderNotFound> } | undefined;
  private setup: RenderSetup | undefined;
  private highlighter: Promise<Highlighter> | undefined;
  private pool: RenderPool | undefined;

  constructor(private readonly options: BuildOptions) {
    this.sources = new PageSources(options.root);
  }

  /** Forgets what it knows of these site-relative paths, so the next run reads them again. */
  invalidate(files: Iterable<string>): void {
    for (const file of files) {
      if (file === CONFIG_FILE) this.config = undefined;
      else if (file.startsWith(`${TEMPLATES_DIR}/`)) this.theme = undefined;
      // A file added or removed (or a folder) changes the listing; an edit does not.
      else if (!this.discovery?.files.has(file) || !existsSync(path.join(this.options.root, file))) this.discovery = undefined;
      this.sources.invalidate(file);
    }
  }

  async run(): Promise<BuildResult> {
    const { root, writer } = this.options;
    const stats: BuildStats = { rendered: 0, laidOut: 0, reused: 0 };
    this.discovery ??= (() => {
      const found = discoverContent(root);
      return { ...found, files: new Set([...found.pages, ...found.assets].map((source) => source.file)), assetPaths: new Set(found.assets.map((asset) => asset.outputPath)) };
    })();
    const discovery = this.discovery;
    // With nothing cached every page will be rendered: start the workers first, so they
    // load (modules, grammars) while this thread loads the config and reads the sources.
    if (!this.pool && discovery.pages.length > 0 && (this.options.cache?.isEmpty() ?? true)) this.poolFor(discovery.pages.length);
    if (!this.config) {
      const loaded = await loadConfig(root);
      if (!loaded.ok) {
        const source = loaded.source;
        return finish({ config: undefined, pages: [], diagnostics: loaded.diagnostics, sourceOf: (file) => (file === CONFIG_FILE ? source : undefined), writer, stats });
      }
      this.config = { config: loaded.config, source: loaded.source, hash: hashOf(GENERATOR_VERSION, JSON.stringify(loaded.config)) };
    }
    const { config, source: configSource, hash: configHash } = this.config;
    const theme = this.loadTheme();

    const diagnostics: Diagnostic[] = [...discovery.diagnostics];
    const headers: PageHeader[] = [];
    for (const page of discovery.pages) {
      headers.push(this.sources.header(page, this.sources.read(page.file, diagnostics)));
    }
    const setup = this.setupFor(config, theme);
    const jobs: ContentJob[] = discovery.pages.map((page, i) => {
      const source = this.sources.known(page.file)!;
      return { page, source, contentKey: this.keys.content(page.file, source, configHash, theme.hasher.hash(headers[i]!.includes)) };
    });

    // The sidebar is made from the titles the pages render. Pages are laid out and written
    // while later ones render, with the sidebar the titles known so far make (a cached
    // page's rendered title, else the header's guess); when a rendered title turns out to
    // differ, every page is laid out again with the sidebar made from the rendered titles.
    const cache = this.options.cache;
    const contents = new RenderedContents({ jobs, setup, cache, engines: () => this.engines() });
    const guessed = this.navigation(discovery.pages.map((page, i) => {
      const record = contents.records[i];
      return record ? navEntry(page, record) : { contentPath: page.contentPath, url: page.url, title: headers[i]!.titleGuess ?? titleFromPath(page.contentPath) ?? config.title, order: headers[i]!.order };
    }), config, theme);
    let pass: { layout: LayoutPass; search: SearchIndexer | undefined; searchKey: string | undefined } | undefined;
    const startPass = async (nav: SiteNav, navHash: string, firstPass: boolean) => {
      const keys = jobs.map((job, i) => this.keys.page(job.page.file, job.contentKey, theme.hasher.layout(headers[i]!.layout), navHash));
      // The search index is one piece made from every page: kept whole when no page changed.
      const searchKey = this.options.search === false ? undefined : hashOf(GENERATOR_VERSION, PAGEFIND_VERSION, config.base, ...keys);
      const search = searchKey === undefined || writer.keepFolder(SEARCH_DIR, searchKey) ? undefined : await startSearchIndex({ base: config.base });
      const layout = new LayoutPass({
        jobs,
        contents,
        pageKeys: keys,
        setup: { ...setup, nav },
        layoutLiquid: theme.layoutLiquid,
        // A new search index reads every page's HTML, so none can be skipped then; nor in a
        // second pass, whose first wrote the staged file already.
        reuse: search || !firstPass ? undefined : (job, pageKey) => writer.keep(job.page.outputPath, pageKey),
        // Written as they come (into staging: nothing is visible before commit), so the
        // build never holds the whole site's HTML.
        onPage: (record, html, index, reused, body) => {
          if (!reused && html !== undefined) {
            writer.write(record.outputPath, html, keys[index]!);
            search?.add({ file: record.file, url: record.url, html, body });
          }
          this.options.onPage?.({ ...record, html });
        },
      });
      pass = { layout, search, searchKey };
      return pass;
    };
    let nav: SiteNav;
    let notFound: ReturnType<typeof renderNotFound>;
    try {
      const first = await startPass(guessed.nav, guessed.navHash, true);
      await contents.render({ pool: (misses) => this.poolFor(misses), onProgress: this.options.onProgress, onContent: (index) => first.layout.layOut(index) });
      const rendered = this.navigation(discovery.pages.map((page, i) => navEntry(page, contents.records[i]!)), config, theme);
      ({ nav, notFound } = rendered);
      if (rendered.navHash !== guessed.navHash) {
        await first.search?.discard();
        const second = await startPass(rendered.nav, rendered.navHash, false);
        for (let i = 0; i < jobs.length; i++) await second.layout.layOut(i);
      }
    } catch (error) {
      await pass?.search?.discard(); // Pagefind's process would otherwise keep this one alive
      throw error;
    }
    const { layout, search, searchKey } = pass!;
    const pages = layout.pages;
    Object.assign(stats, { rendered: contents.rendered, laidOut: layout.laidOut, reused: layout.reused });

    diagnostics.push(...notFound.diagnostics);
    for (const page of pages) diagnostics.push(...page.diagnostics);
    diagnostics.push(...checkLinks({ pages, assets: discovery.assetPaths, severity: config.brokenLinks }, this.checks));
    const used = new Set(theme.used);
    for (const page of pages) for (const placeholder of page.placeholders) used.add(placeholder);
    diagnostics.push(...checkUnusedMetadata({ keys: Object.keys(config.metadata), used, configSource }));
    diagnostics.push(...checkReachable({ pages, sidebar: nav }, this.checks));

    // Written even when the build failed: the writer throws them away then (disk, check), but
    // the dev server serves what did render, and a page needs its stylesheet and images.
    for (const [file, from] of Object.entries(theme.templates.assets)) writer.copy(from, file);
    for (const asset of discovery.assets) writer.copy(path.join(root, asset.file), asset.outputPath);
    writer.write('404.html', notFound.html);
    if (hasErrors(diagnostics)) await search?.discard();
    else {
      if (config.siteUrl) writer.write('sitemap.xml', renderSitemap({ siteUrl: config.siteUrl, base: config.base, urls: pages.map((page) => page.url) }));
      // Last, from the HTML as written: search sees exactly what readers see.
      if (search) diagnostics.push(...(await search.write(writer, searchKey!)));
    }
    const templateFiles = new Map(Object.entries(theme.templates.sources).map(([name, text]) => [theme.templates.files[name] ?? name, text]));
    const sourceOf = (file: string) => {
      if (file === CONFIG_FILE) return configSource;
      const text = this.sources.known(file);
      return text === undefined ? templateFiles.get(file) : normalizeSource(text);
    };
    return finish({ config, pages, diagnostics, sourceOf, writer, stats });
  }

  /** Stops the workers and frees the highlighter. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
    (await this.highlighter)?.dispose();
    this.highlighter = undefined;
  }

  /** What the workers are sent: the same object while the config and the theme stay, so they keep their engines. */
  private setupFor(config: SiteConfig, theme: LoadedTheme): RenderSetup {
    if (this.setup?.config !== config || this.setup.templates !== theme.templates) this.setup = { config, templates: theme.templates };
    return this.setup;
  }

  /**
   * The sidebar from what the pages rendered (their titles and `order`), and what depends
   * on it alone; made again only when an entry, the config or the theme changed, so
   * editing a page's text leaves every other page's key as it was.
   */
  private navigation(entries: NavPage[], config: SiteConfig, theme: LoadedTheme) {
    const known = this.shared;
    const sameEntry = (a: NavPage, b: NavPage) => a.url === b.url && a.title === b.title && a.order === b.order && a.contentPath === b.contentPath;
    if (known && known.config === config && known.theme === theme && known.entries.length === entries.length && known.entries.every((entry, i) => sameEntry(entry, entries[i]!))) {
      return known;
    }
    const nav = siteNav(config, entries);
    const notFound = renderNotFound({ config, templates: theme.templates, liquid: theme.layoutLiquid, nav });
    this.shared = { entries, config, theme, nav, navHash: hashOf(JSON.stringify(nav.items)), notFound };
    return this.shared;
  }

  private loadTheme() {
    if (!this.theme) {
      const templates = loadTemplates({ themeDir: this.options.themeDir ?? THEME_DIR, siteRoot: this.options.root });
      const layoutLiquid = createLiquid(templates, { escapeOutput: true });
      this.theme = { templates, hasher: new TemplateHasher(templates), layoutLiquid, engines: undefined, used: templateVariables(templates, layoutLiquid) };
      // Workers keep engines per setup; they pick up the new templates with the next setup.
    }
    return this.theme;
  }

  private engines(): Promise<RenderEngines> {
    const theme = this.loadTheme();
    // Loaded on first need: the markdown chain and Shiki take most of start-up, and a
    // rebuild whose pages all come from the cache never needs them.
    this.highlighter ??= import('./markdown/plugins/highlight.ts').then(({ createCodeHighlighter }) => createCodeHighlighter());
    theme.engines ??= Promise.all([this.highlighter, import('./render/engines.ts')]).then(([highlighter, { createRenderEngines }]) => createRenderEngines(theme.templates, { highlighter }));
    return theme.engines;
  }

  /**
   * Workers for this many pages to render, or none (`workers: 0`, the API's default,
   * renders in this thread). With `'auto'` (the CLI, the dev server) every render runs on
   * a worker, because only a worker can be stopped when a page runs past the time limit;
   * one per 64 pages, up to a worker per core. The pool is kept for later runs (dev).
   */
  private poolFor(misses: number): RenderPool | undefined {
    const wanted = this.options.workers ?? 0;
    if (wanted === 0) return undefined;
    this.pool ??= new RenderPool({ size: wanted === 'auto' ? Math.min(availableParallelism(), Math.ceil(misses / POOL_PAGES_PER_WORKER)) : wanted, timeLimitMs: this.options.pageTimeLimitMs });
    return this.pool;
  }
}

/** The theme's templates and what is derived from them alone. */
interface LoadedTheme {
  templates: TemplateSet;
  hasher: TemplateHasher;
  layoutLiquid: Liquid;
  /** The full engines (markdown chain, Shiki), made on first need. */
  engines: Promise<RenderEngines> | undefined;
  /** Variables the templates read, for the unused-metadata check. */
  used: string[];
}

/** Variables the layouts and partials read, for the unused-metadata check. */
function templateVariables(templates: TemplateSet, engine: Liquid): string[] {
  return Object.keys(templates.sources).flatMap((name) => {
    try {
      return usedVariables(engine, engine.parse(templates.sources[name]!));
    } catch {
      // Reported when a page uses it; what it names is still read, not "unused".
      return metadataPathsIn(templates.sources[name]!);
    }
  });
}

function finish(result: Omit<BuildResult, 'written' | 'sources'> & { writer: Writer; sourceOf: (file: string) => string | undefined }): BuildResult {
  const { writer, sourceOf, ...rest } = result;
  const diagnostics = dedupe(rest.diagnostics).sort(compareDiagnostics);
  const failed = hasErrors(diagnostics);
  if (failed) writer.abort();
  else writer.commit();
  const sources = new Map<string, string>();
  for (const { file } of diagnostics) {
    const text = sources.has(file) ? undefined : sourceOf(file);
    if (text !== undefined) sources.set(file, text);
  }
  return { ...rest, diagnostics, sources, written: !failed };
}

/**
 * A broken layout fails on every page, and a broken partial wherever it is included:
 * say so once. The one report keeps the chain of includes that starts first (in file
 * order) and lists the other places that include the template directly, so a problem
 * that depends on the include (an argument it does not pass) still names each of them.
 */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  return [...groups.values()].map((group) => (group.length === 1 ? group[0]! : mergeChains(group)));
}

function mergeChains(group: Diagnostic[]): Diagnostic {
  const start = (d: Diagnostic) => d.includedFrom![d.includedFrom!.length - 1]!;
  const chained = group.filter((d) => d.includedFrom?.length).sort((a, b) => compareDiagnostics({ ...a, ...start(a) }, { ...b, ...start(b) }));
  const first = chained[0];
  if (!first) return group[0]!;
  const where = (site: SourcePosition) => `${site.file}:${site.line}:${site.column}`;
  const seen = new Set([where(first.includedFrom![0]!)]);
  const others = chained.map((d) => d.includedFrom![0]!).filter((site) => !seen.has(where(site)) && seen.add(where(site)));
  return others.length > 0 ? { ...first, alsoIncludedFrom: others.sort((a, b) => compareDiagnostics({ ...first, ...a }, { ...first, ...b })) } : first;
}

/** A page's sidebar entry, from what it rendered. */
function navEntry(page: PageSource, record: ContentRecord): NavPage {
  return { contentPath: page.contentPath, url: record.url, title: record.title, order: record.frontmatter.order };
}
