import { CheckMemo } from '../checks/memo.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hashOf } from '../hashing/hash.ts';
import type { RenderSetup } from '../render/pool.ts';
import { CachedRecords, RenderedContents } from '../render/contents.ts';
import { PAGEFIND_VERSION, startSearchIndex, type SearchIndexer } from '../search/pagefind.ts';
import { checkSite } from './checks.ts';
import { CarriedRecords, LayoutPass } from './layout-pass.ts';
import { GENERATOR_VERSION, SiteLoader, type LoadedSite } from './load.ts';
import { NavEntries, NavigationMaker, type Navigation } from './navigation.ts';
import type { BuildOptions, BuildResult, BuildStats } from './options.ts';
import { planOutput, type OutputPlan } from './plan.ts';
import { finish } from './report.ts';
import { RenderResources } from './resources.ts';
import { THEME_DIR, type LoadedTheme } from './theme.ts';
import { writeSiteFiles } from './write.ts';

/** One layout pass with the search index it feeds. */
interface OutputPass {
  plan: OutputPlan;
  layout: LayoutPass;
  search: SearchIndexer | undefined;
}

/**
 * A site kept loaded between builds: the dev server runs it again after each change,
 * telling it which files changed, and it reloads only those; everything else (config,
 * templates, engines, workers, rendered pages, the sidebar, the link index) is reused.
 *
 * A run is a sequence of phases: load, render the content (laying pages out as they
 * arrive), navigation from what rendered, layout again if the sidebar turned out other
 * than guessed, site-wide checks, write; and it commits only when nothing failed, so a
 * broken build never replaces a good site.
 */
export class BuildSession {
  private readonly loader: SiteLoader;
  private readonly navigation = new NavigationMaker();
  private readonly navEntries = new NavEntries();
  private readonly carried = new CarriedRecords();
  private readonly cachedRecords = new CachedRecords();
  private readonly checks = new CheckMemo();
  private readonly resources: RenderResources;
  private setup: RenderSetup | undefined;

  constructor(private readonly options: BuildOptions) {
    this.loader = new SiteLoader({ root: options.root, themeDir: options.themeDir ?? THEME_DIR });
    this.resources = new RenderResources(options);
  }

  /** Forgets what it knows of these site-relative paths, so the next run reads them again. */
  invalidate(files: Iterable<string>): void {
    this.loader.invalidate(files);
  }

  async run(): Promise<BuildResult> {
    const { writer } = this.options;
    const stats: BuildStats = { rendered: 0, laidOut: 0, reused: 0 };
    // Load.
    const listing = this.loader.list();
    // With nothing cached every page will be rendered: start the workers first, so they
    // load (modules, grammars) while this thread loads the config and reads the sources.
    if (!this.resources.started && listing.pages.length > 0 && (this.options.cache?.isEmpty() ?? true)) this.resources.poolFor(listing.pages.length);
    const site = await this.loader.load();
    if (!('jobs' in site)) {
      return finish({ config: undefined, pages: [], landingPages: [], diagnostics: site.diagnostics, sourceOf: (file) => this.loader.sourceOf(file, site), writer, stats });
    }
    const { config, theme } = site;
    // Render content, navigation, plan, layout.
    const { contents, navigation, pass } = await this.renderAndLayOut(site);
    const pages = pass.layout.pages;
    Object.assign(stats, { rendered: contents.rendered, laidOut: pass.layout.laidOut, reused: pass.layout.reused });

    // A file of the writer's at a landing page's path (content/api/index.html) is their page: it wins.
    const assetPaths = new Set(listing.assets.map((asset) => asset.outputPath.toLowerCase()));
    const landingPages = navigation.landingPages().filter((page) => !assetPaths.has(page.outputPath.toLowerCase()));

    // Site-wide checks.
    const diagnostics: Diagnostic[] = [...site.diagnostics, ...navigation.notFound.diagnostics, ...landingPages.flatMap((page) => page.diagnostics)];
    for (const page of pages) if (page.diagnostics.length > 0) diagnostics.push(...page.diagnostics); // a spread per page, even empty, cost milliseconds a rebuild
    diagnostics.push(...checkSite({ pages, assetPaths: listing.assetPaths, config, configSource: site.configSource, templateVariables: theme.used, nav: navigation.nav, memo: this.checks }));
    // Write, and commit only when nothing failed.
    diagnostics.push(...(await writeSiteFiles({ root: this.options.root, writer, config, templates: theme.templates, assets: listing.assets, notFoundHtml: navigation.notFound.html, nav: navigation.nav, landingPages, pages, search: { plan: pass.plan.search, indexer: pass.search }, diagnostics })));
    return finish({ config, pages, landingPages: landingPages.map(({ file, url, outputPath }) => ({ file, url, outputPath })), diagnostics, sourceOf: (file) => this.loader.sourceOf(file, site), writer, stats });
  }

  /**
   * The render, navigation, plan and layout phases. Pages are laid out and written while
   * later ones render, with the sidebar the titles known so far make; when a rendered title
   * turns out to differ from its guess, every page is laid out again with the sidebar made
   * from the rendered titles.
   */
  private async renderAndLayOut(site: LoadedSite): Promise<{ contents: RenderedContents; navigation: Navigation; pass: OutputPass }> {
    const { listing, config, theme, jobs } = site;
    const contents = new RenderedContents({ jobs, setup: this.setupFor(site), cache: this.options.cache, cached: this.cachedRecords, engines: () => this.resources.engines(theme) });
    const guessed = this.navigation.make(this.navEntries.guessed(listing.pages, contents.records, site.headers, config), config, theme);
    let pass: OutputPass | undefined;
    try {
      pass = await this.startPass(site, contents, guessed, true);
      const first = pass;
      await contents.render({ pool: (misses) => this.resources.poolFor(misses), onProgress: this.options.onProgress, onContent: (index) => first.layout.layOut(index) });
      const navigation = this.navigation.make(this.navEntries.rendered(listing.pages, contents.records, config), config, theme);
      if (navigation.navHash !== guessed.navHash) {
        await first.search?.discard();
        pass = await this.startPass(site, contents, navigation, false);
        for (let i = 0; i < jobs.length; i++) await pass.layout.layOut(i);
      }
      return { contents, navigation, pass };
    } catch (error) {
      await pass?.search?.discard();
      throw error;
    }
  }

  /** Stops the workers and frees the highlighter. */
  async close(): Promise<void> {
    await this.resources.close();
  }

  /** Plans a layout pass with this sidebar, and starts the search index it feeds when one is to be made. */
  private async startPass(site: LoadedSite, contents: RenderedContents, navigation: Navigation, firstPass: boolean): Promise<OutputPass> {
    const { config, theme, jobs, headers } = site;
    const { writer } = this.options;
    const pageKeys = this.loader.pageKeys(jobs, headers, theme, navigation.navHash);
    const searchKey = this.options.search === false ? undefined : hashOf(GENERATOR_VERSION, PAGEFIND_VERSION, config.base, ...pageKeys);
    // A second pass must make every page again: its first wrote them into staging already.
    const plan = planOutput({ pageKeys, outputPaths: jobs.map((job) => job.page.outputPath), current: writer.current, searchKey, mayCarry: firstPass });
    const search = plan.search.kind === 'index' ? await startSearchIndex({ base: config.base }) : undefined;
    const setup = { ...this.setupFor(site), nav: navigation.nav };
    const layout = new LayoutPass({ jobs, contents, plan, setup, layoutLiquid: theme.layoutLiquid, writer, search, onPage: this.options.onPage, carried: this.carried });
    return { plan, layout, search };
  }

  /** What the workers are sent: the same object while the config and the theme stay, so they keep their engines. */
  private setupFor(site: { config: LoadedSite['config']; theme: LoadedTheme }): RenderSetup {
    if (this.setup?.config !== site.config || this.setup.templates !== site.theme.templates) this.setup = { config: site.config, templates: site.theme.templates };
    return this.setup;
  }
}
