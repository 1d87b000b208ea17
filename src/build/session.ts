import { CONFIG_FILE, configKeyPosition } from '../config/load.ts';
import { navEntriesInNoVariant, siteVariants, unknownVariant, variantPathCollisions } from '../config/variants.ts';
import { readLastCommits, type LastCommits } from '../content/last-commits.ts';
import { variantMembership } from '../content/membership.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hashOf } from '../hashing/hash.ts';
import { MemoryRenderCache } from '../render/cache.ts';
import { checkConfigImage, checkMetadata, checkNavLinks, checkSite, PlaceholderUse } from './checks.ts';
import { SiteLoader, type LoadedSite } from './load.ts';
import type { BuildOptions, BuildResult, BuildStats } from './options.ts';
import { finish } from './report.ts';
import { RenderResources } from './resources.ts';
import { THEME_DIR } from './theme.ts';
import { configLinkTarget } from '../nav/sidebar.ts';
import { siteNav } from '../nav/site-nav.ts';
import { VariantSwitch } from '../nav/variant-switch.ts';
import { SitemapMemo } from '../site-files/sitemap.ts';
import { unknownTemplateVariants } from '../template/ifvariant.ts';
import { VariantBuild, type VariantSite } from './variant-build.ts';
import { mergeVariantDiagnostics } from './variant-diagnostics.ts';
import { writeSiteFiles, type VariantFiles } from './write.ts';

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
  private readonly resources: RenderResources;
  /** One per variant (one for a site without variants), made again when the config changes. */
  private builds: VariantBuild[] = [];
  private switcher: { key: string; builds: VariantBuild[]; switcher: VariantSwitch } | undefined;
  /** With `lazyVariants`: the variants open tabs show (`focus`), and those asked for since the last run (`request`). */
  private viewed = new Set<string>();
  private readonly asked = new Set<string>();
  /** The variants the last run built. */
  private built = new Set<string>();
  /**
   * With `lastUpdated`: every file's last commit, read once a session, not on every run: a
   * dev server's save changes no commit. Kept in the render cache by the commit checked
   * out, so a command-line rebuild at the same commit does not read the log again.
   */
  private lastCommits: Promise<LastCommits | undefined> | undefined;
  /** What the last run made of every page at once, to make it again only for what changed. */
  private readonly placeholderUse = new PlaceholderUse();
  private readonly sitemap = new SitemapMemo();

  constructor(private readonly options: BuildOptions) {
    this.loader = new SiteLoader({ root: options.root, themeDir: options.themeDir ?? THEME_DIR });
    this.resources = new RenderResources(options);
  }

  /** Forgets what it knows of these site-relative paths, so the next run reads them again. */
  invalidate(files: Iterable<string>): void {
    this.loader.invalidate(files);
  }

  /**
   * With `lazyVariants`: the variant not built by the last run whose files `outputPath`
   * would be among (`self-hosted/api/users/index.html`), now asked for, so the next run
   * builds it; or `undefined` when there is none.
   */
  request(outputPath: string): string | undefined {
    const name = this.variantOf(outputPath);
    if (!this.options.lazyVariants || name === undefined || this.built.has(name) || this.asked.has(name)) return undefined;
    // As well as those built: tabs may show them.
    for (const built of this.built) this.asked.add(built);
    this.asked.add(name);
    return name;
  }

  /**
   * With `lazyVariants`: the next runs build the variants of these output paths (the pages
   * open tabs show), and others only when asked for again: a save costs the variants being
   * read, not every variant visited since the server started.
   */
  focus(outputPaths: readonly string[]): void {
    this.viewed = new Set(outputPaths.map((file) => this.variantOf(file)).filter((name) => name !== undefined));
  }

  /** The variant whose files `outputPath` would be among: the one with the longest path that starts it (the default's is empty). */
  private variantOf(outputPath: string): string | undefined {
    let found: VariantBuild | undefined;
    for (const build of this.builds) if (build.variant && outputPath.startsWith(build.prefix) && build.prefix.length >= (found?.prefix.length ?? 0)) found = build;
    return found?.variant?.name;
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
    let diagnostics: Diagnostic[] = [...site.diagnostics];
    const wanted = this.options.variant;
    const names = config.variants?.map((variant) => variant.name) ?? [];
    if (wanted !== undefined && !names.includes(wanted)) {
      diagnostics.push({ file: CONFIG_FILE, line: 1, column: 1, severity: 'error', message: `--variant ${wanted}: ${unknownVariant(wanted, names)}`, rule: 'variants/unknown' });
      return finish({ config, pages: [], landingPages: [], diagnostics, sourceOf: (file) => this.loader.sourceOf(file, site), writer, stats });
    }
    diagnostics.push(...unknownTemplateVariants(theme.templates, names, (name) => unknownVariant(name, names)));
    diagnostics.push(...checkConfigImage({ config, configSource: site.configSource, assets: listing.assetPaths }));
    const lastCommits = config.lastUpdated ? await (this.lastCommits ??= readLastCommits(this.options.root, this.options.cache)) : undefined;
    const undated = lastCommits && lastCommits.beforeHistory.size > 0 ? listing.pages.filter((page) => lastCommits.beforeHistory.has(page.file)).length : 0;
    if (undated > 0) diagnostics.push(shallowCloneWarning(undated, site.configSource));
    const variants = this.variantSites(site, diagnostics).filter(({ build }) => {
      if (wanted !== undefined) return build.variant?.name === wanted;
      // Lazily: those shown or asked for, else the default.
      if (!this.options.lazyVariants || !build.variant) return true;
      const name = build.variant.name;
      return this.viewed.size + this.asked.size === 0 ? build.variant.default : this.viewed.has(name) || this.asked.has(name);
    });
    this.asked.clear();

    // Per variant: render content, navigation, plan, layout, the checks of its pages.
    // Without a cache of its own (the API's default), a site with variants gets one for the
    // run: it is how a page that reads nothing that differs is rendered once for all of them.
    const cache = this.options.cache ?? (config.variants ? new MemoryRenderCache() : undefined);
    const made: VariantFiles[] = [];
    // A file of the writer's at a landing page's path (content/api/index.html) is their page: it wins.
    const assetPaths = new Set(listing.assets.map((asset) => asset.outputPath.toLowerCase()));
    for (const { build, site: variantSite, keyInputs, switcher, elsewhere } of variants) {
      const { contents, navigation, pass } = await build.renderAndLayOut({
        site: variantSite,
        keyInputs,
        writer,
        cache,
        pool: (misses) => this.resources.poolFor(misses),
        engines: () => this.resources.engines(theme),
        search: this.options.search !== false,
        onProgress: this.options.onProgress,
        onPage: this.options.onPage,
        switcher,
        elsewhere,
        lastCommits: lastCommits?.times,
      });
      const pages = pass.layout.pages;
      stats.rendered += contents.rendered;
      stats.laidOut += pass.layout.laidOut;
      stats.reused += pass.layout.reused;
      const landingPages = navigation.landingPages().filter((page) => !assetPaths.has(page.outputPath.toLowerCase()));
      const found: Diagnostic[] = [...navigation.notFound.diagnostics, ...landingPages.flatMap((page) => page.diagnostics)];
      for (const page of pages) if (page.diagnostics.length > 0) found.push(...page.diagnostics); // a spread per page, even empty, cost milliseconds a rebuild
      found.push(...checkSite({ pages, assetPaths: listing.assetPaths, config: variantSite.config, nav: navigation.nav, elsewhere, memo: build.checks }));
      const name = build.variant?.name;
      if (name === undefined) diagnostics.push(...found);
      else for (const diagnostic of found) diagnostics.push({ ...diagnostic, variants: [name] });
      const redirectsUnder = build.variant?.default ? `${build.variant.path}/` : undefined;
      const status = build.variant?.status;
      // An outdated variant's pages that the default has are canonical there, so not in the sitemap (also when built alone).
      const defaultName = this.builds.find((other) => other.variant?.default)?.variant?.name;
      const leftOutOfSitemap = status === 'preview' ? 'all' : status === 'outdated' && switcher && defaultName ? (url: string) => switcher.has(defaultName, url) : () => false;
      made.push({ prefix: build.prefix, leftOutOfSitemap, redirectsUnder, notFoundHtml: navigation.notFound.html, nav: navigation.nav, landingPages, pages, twinKeys: pass.layout.twinKeys, llmsList: build.llmsList, search: { plan: pass.plan.search, indexer: pass.search } });

    }
    // Named against the variants built (one, with --variant): a problem in all of them reads as on a site without variants.
    if (config.variants) diagnostics = mergeVariantDiagnostics(diagnostics, variants.map(({ build }) => build.variant!));
    // A key read in any variant is used.
    diagnostics.push(...checkMetadata({ pages: made.flatMap((variant) => variant.pages), config, configSource: site.configSource, templateVariables: theme.used, use: this.placeholderUse }));
    if (config.nav) diagnostics.push(...checkNavLinks({ config, configSource: site.configSource, pageUrls: new Set(listing.pages.map((page) => page.url)), assets: listing.assetPaths }));
    // Write, and commit only when nothing failed.
    diagnostics.push(...(await writeSiteFiles({ root: this.options.root, writer, config, templates: theme.templates, assets: listing.assets, variants: made, diagnostics, llmsFull: this.options.llmsFull !== false, sitemap: this.sitemap })));
    // Every variant's pages, at their URLs and output paths.
    const under = <T extends { url: string; outputPath: string }>(prefix: string, page: T): T => (prefix === '' ? page : { ...page, url: `/${prefix}${page.url.slice(1)}`, outputPath: prefix + page.outputPath });
    const pages = made.flatMap(({ prefix, pages }) => pages.map((page) => under(prefix, page)));
    const landingPages = made.flatMap(({ prefix, landingPages }) => landingPages.map(({ file, url, outputPath }) => under(prefix, { file, url, outputPath })));
    const built = config.variants ? variants.map(({ build }) => ({ name: build.variant!.name, prefix: build.prefix })) : undefined;
    this.built = new Set(built?.map((variant) => variant.name));
    return { ...finish({ config, pages, landingPages, diagnostics, sourceOf: (file) => this.loader.sourceOf(file, site), writer, stats }), ...(built && { variants: built }) };
  }

  /** Stops the workers and frees the highlighter. */
  async close(): Promise<void> {
    await this.resources.close();
  }

  /**
   * The site as each variant has it, the default first: its pages, and its config (the
   * variant's metadata over the site's). A site without variants is its one variant.
   */
  private variantSites(site: LoadedSite, diagnostics: Diagnostic[]): { build: VariantBuild; site: VariantSite; keyInputs: string[]; switcher?: VariantSwitch; elsewhere?: ReadonlySet<string> }[] {
    const { config } = site;
    if (this.builds[0]?.siteConfig !== config) this.builds = (config.variants ? siteVariants(config) : [undefined]).map((variant) => new VariantBuild(variant, config));
    const configHash = hashOf(JSON.stringify(config));
    if (!config.variants) {
      return [{ build: this.builds[0]!, site: { config, theme: site.theme, pages: site.listing.pages, headers: site.headers, jobs: site.jobs }, keyInputs: [configHash] }];
    }
    diagnostics.push(...variantPathCollisions(config, [...site.listing.pages, ...site.listing.assets].map((source) => source.outputPath), site.configSource));
    const names = this.builds.map((build) => build.variant!.name);
    const membership = variantMembership(site.listing.pages, site.headers, names);
    diagnostics.push(...membership.diagnostics);
    // Which pages are in which variant is in every page's key: the switcher links to them.
    const membershipHash = hashOf(JSON.stringify(membership.pages));
    const nowhere = new Set(site.listing.pages.flatMap((page, i) => (membership.pages[i]!.length === 0 ? [page.url] : [])));
    if (nowhere.size > 0) diagnostics.push(...navEntriesInNoVariant(config, (link) => nowhere.has(configLinkTarget(link)), site.configSource));
    const keyInputs = [configHash, membershipHash];
    const inVariant = new Map(names.map((name) => [name, membership.pages.flatMap((variants, i) => (variants.includes(name) ? [i] : []))]));
    const elsewhere = (build: VariantBuild) =>
      build.elsewhere(membershipHash, () => {
        const here = new Set(inVariant.get(build.variant!.name));
        return new Set(site.listing.pages.flatMap((page, i) => (!here.has(i) && membership.pages[i]!.length > 0 ? [page.url] : [])));
      });
    // Kept while the variants and their pages are the same: the navigation is remade when it changes.
    if (this.switcher?.key !== membershipHash || this.switcher.builds !== this.builds) {
      // Each variant's pages and the landing pages its sidebar will make (they depend on which pages it has, not on their titles).
      const present = new Map(
        this.builds.map((build) => {
          const pages = inVariant.get(build.variant!.name)!.map((i) => site.listing.pages[i]!);
          const nav = siteNav(config, pages.map((page) => ({ contentPath: page.contentPath, url: page.url, title: '' })), { absent: elsewhere(build) });
          return [build.variant!.name, new Set([...pages.map((page) => page.url), ...nav.landingUrls])];
        }),
      );
      this.switcher = { key: membershipHash, builds: this.builds, switcher: new VariantSwitch(this.builds.map((build) => build.variant!), config.base, present) };
    }
    const switcher = this.switcher.switcher;
    return this.builds.map((build) => {
      const indexes = inVariant.get(build.variant!.name)!;
      return {
        build,
        keyInputs,
        switcher,
        elsewhere: elsewhere(build),
        site: { config: build.config, theme: site.theme, pages: indexes.map((i) => site.listing.pages[i]!), headers: indexes.map((i) => site.headers[i]!), jobs: indexes.map((i) => site.jobs[i]!) },
      };
    });
  }
}

/** Pages a shallow clone cannot date: said once, at `lastUpdated` in site.config.ts. */
function shallowCloneWarning(undated: number, configSource: string | undefined): Diagnostic {
  const at = configKeyPosition(configSource, ['lastUpdated']);
  const pages = undated === 1 ? '1 page was' : `${undated} pages were`;
  return {
    file: CONFIG_FILE, ...at, severity: 'warning', rule: 'last-updated/shallow-clone',
    message: `lastUpdated: this is a shallow clone, and ${pages} last changed before its oldest commit, so they show no date; fetch the whole history (\`git fetch --unshallow\`, or \`fetch-depth: 0\` with actions/checkout)`,
  };
}
