import { CheckMemo } from '../checks/memo.ts';
import { LlmsList } from '../site-files/llms.ts';
import type { SiteConfig } from '../config/schema.ts';
import { variantPrefix, type SiteVariant } from '../config/variants.ts';
import type { PageSource } from '../content/discover.ts';
import type { PageHeader } from '../content/page-header.ts';
import { hashOf } from '../hashing/hash.ts';
import type { Writer } from '../output/writer.ts';
import { CachedRecords, RenderedContents, type ContentJob } from '../render/contents.ts';
import type { VariantSwitch } from '../nav/variant-switch.ts';
import type { RenderedPage } from '../render/page.ts';
import type { RenderPool, RenderSetup } from '../render/pool.ts';
import type { RenderCache } from '../render/cache.ts';
import type { RenderEngines } from '../render/engines.ts';
import { PAGEFIND_VERSION, SEARCH_DIR, startSearchIndex, type SearchIndexer } from '../search/pagefind.ts';
import { CarriedRecords, LayoutPass, TwinNames } from './layout-pass.ts';
import { GENERATOR_VERSION, type LoadedSite } from './load.ts';
import { NavEntries, NavigationMaker, type Navigation } from './navigation.ts';
import { planOutput, type OutputPlan } from './plan.ts';
import { variantConfig } from '../template/scope.ts';
import type { LoadedTheme } from './theme.ts';

/** One layout pass with the search index it feeds. */
export interface OutputPass {
  plan: OutputPlan;
  layout: LayoutPass;
  search: SearchIndexer | undefined;
}

/** The site as one variant has it: its pages (the same job objects in every run), with the config its pages render with. */
export interface VariantSite extends Pick<LoadedSite, 'theme'> {
  config: SiteConfig;
  pages: PageSource[];
  headers: PageHeader[];
  jobs: ContentJob[];
}

export interface VariantRunInput {
  site: VariantSite;
  /** Every page key of the run depends on these too (the site's whole config, which pages are in which variant). */
  keyInputs: readonly string[];
  writer: Writer;
  cache: RenderCache | undefined;
  pool: (misses: number) => RenderPool | undefined;
  engines: () => Promise<RenderEngines>;
  search: boolean;
  onProgress: ((done: number, total: number) => void) | undefined;
  onPage: ((page: RenderedPage) => void) | undefined;
  /** Where each variant has pages, for the switcher, on a site with variants. */
  switcher: VariantSwitch | undefined;
  /** The URLs of pages other variants have and this one lacks: the configured sidebar leaves them out. */
  elsewhere: ReadonlySet<string> | undefined;
  /** With `lastUpdated`: each file's last commit time (the same object for a whole session). */
  lastCommits: ReadonlyMap<string, number> | undefined;
}

/**
 * The render, navigation, plan and layout phases for one variant of the site (the one
 * variant of a site without `variants`), with what they keep between a session's runs:
 * the sidebar, its entries, the cache's records, carried pages' records, page keys, the
 * link check's memo. Its files go under the variant's path; content is keyed by what it
 * read, so a page that reads nothing that differs between variants renders once.
 */
export class VariantBuild {
  readonly prefix: string;
  readonly checks = new CheckMemo();
  readonly llmsList = new LlmsList();
  private readonly navigation = new NavigationMaker();
  private readonly navEntries = new NavEntries();
  private readonly carried = new CarriedRecords();
  private readonly twins = new TwinNames();
  private readonly cachedRecords = new CachedRecords();
  private setup: RenderSetup | undefined;
  private lastPageKeys: { navHash: string; inputs: readonly string[]; lastCommits: ReadonlyMap<string, number> | undefined; jobs: readonly ContentJob[]; layouts: string[]; keys: string[] } | undefined;

  private lastElsewhere: { key: string; urls: ReadonlySet<string> } | undefined;

  /**
   * The URLs of pages other variants have and this one lacks, made again only when which
   * pages are in which variant changes: the link check's memo knows it by identity.
   */
  elsewhere(membershipKey: string, make: () => ReadonlySet<string>): ReadonlySet<string> {
    if (this.lastElsewhere?.key !== membershipKey) this.lastElsewhere = { key: membershipKey, urls: make() };
    return this.lastElsewhere.urls;
  }

  /** The config the variant's pages render with: the site's, with the variant's metadata. */
  readonly config: SiteConfig;

  /** Made for one config: a session makes its variants' builds again when the config changes. */
  constructor(
    readonly variant: SiteVariant | undefined,
    readonly siteConfig: SiteConfig,
  ) {
    this.prefix = variantPrefix(variant);
    this.config = variant ? variantConfig(siteConfig, variant) : siteConfig;
  }

  /**
   * Pages are laid out and written while later ones render, with the sidebar the titles
   * known so far make; when a rendered title turns out to differ from its guess, every page
   * is laid out again with the sidebar made from the rendered titles.
   */
  async renderAndLayOut(input: VariantRunInput): Promise<{ contents: RenderedContents; navigation: Navigation; pass: OutputPass }> {
    const { site } = input;
    const { config, theme, jobs } = site;
    const contents = new RenderedContents({ jobs, setup: this.setupFor(site), cache: input.cache, cached: this.cachedRecords, engines: input.engines });
    // The pages to render are sent to the workers first, and the first pass is planned while
    // they render (a dev save's one page renders while this thread plans 16,000); pages are
    // handed to the pass once it is ready.
    let first: OutputPass | undefined;
    let passPlanned!: (planned: boolean) => void;
    const planned = new Promise<boolean>((resolve) => (passPlanned = resolve));
    const layOut = async (index: number) => {
      if (await planned) return first!.layout.layOut(index);
      throw new Error('the layout pass could not be planned');
    };
    const rendering = contents.render({ pool: input.pool, onProgress: input.onProgress, onContent: (index) => (first ? first.layout.layOut(index) : layOut(index)) });
    // Handled now: rendering may fail while the pass is planned (it is awaited, and throws, below).
    rendering.catch(() => {});
    let pass: OutputPass | undefined;
    let guessed: Navigation | undefined;
    try {
      try {
        guessed = this.navigation.make(this.navEntries.guessed(site.pages, contents.records, site.headers, config), config, theme, this.variant, input.switcher, input.elsewhere);
        pass = first = await this.startPass(input, contents, guessed, true);
      } catch (error) {
        // Rendering fails too (no page is sent to a worker after this), and is waited for, so no worker's answer outlives the run.
        passPlanned(false);
        await rendering.catch(() => {});
        throw error;
      }
      passPlanned(true);
      await rendering;
      const navigation = this.navigation.make(this.navEntries.rendered(site.pages, contents.records, config), config, theme, this.variant, input.switcher, input.elsewhere);
      if (navigation.navHash !== guessed.navHash) {
        await first.search?.discard();
        pass = await this.startPass(input, contents, navigation, false);
        for (let i = 0; i < jobs.length; i++) await pass.layout.layOut(i);
      }
      return { contents, navigation, pass };
    } catch (error) {
      await pass?.search?.discard();
      throw error;
    }
  }

  /** Plans a layout pass with this sidebar, and starts the search index it feeds when one is to be made. */
  private async startPass(input: VariantRunInput, contents: RenderedContents, navigation: Navigation, firstPass: boolean): Promise<OutputPass> {
    const { site, writer } = input;
    const { config, jobs } = site;
    const pageKeys = this.pageKeys(site, navigation, input.keyInputs, input.lastCommits);
    const home = config.base + this.prefix;
    // The whole sidebar too: the index holds the folders' landing pages, which list their pages.
    const searchKey = input.search ? hashOf(GENERATOR_VERSION, PAGEFIND_VERSION, home, navigation.navHash, ...pageKeys) : undefined;
    // A second pass must make every page again: its first wrote them into staging already.
    const plan = planOutput({ pageKeys, outputPaths: jobs.map((job) => this.prefix + job.page.outputPath), current: writer.current, searchKey, searchDir: this.prefix + SEARCH_DIR, mayCarry: firstPass });
    const search = plan.search.kind === 'index' ? await startSearchIndex({ base: home, dir: this.prefix + SEARCH_DIR }) : undefined;
    const setup = { ...this.setupFor(site), nav: navigation.nav, switcher: input.switcher, lastCommits: input.lastCommits };
    const layout = new LayoutPass({ jobs, contents, plan, setup, layoutLiquid: site.theme.layoutLiquid, writer, search, onPage: input.onPage, carried: this.carried, twins: this.twins, prefix: this.prefix });
    return { plan, layout, search };
  }

  /**
   * Every page's key: its source key, the run's key inputs (the whole config: the layout
   * may read any of it), its layout's templates, its navigation, and with `lastUpdated`
   * its last commit's time (the layout shows it; the content does not depend on it, so a
   * new date lays the page out again and renders nothing). Its navigation is its own view
   * of the sidebar (the HTML it prints, prev/next) when its layout reads no more of `nav`,
   * else the whole sidebar: a page added to one section of a big site lays out that
   * section's pages again, not the site. A key is kept by job index while the job, the
   * inputs, the layout, the sidebar and the commit times are the same, so a rebuild
   * hashes only the pages that changed.
   */
  private pageKeys(site: VariantSite, navigation: Navigation, inputs: readonly string[], lastCommits: ReadonlyMap<string, number> | undefined): string[] {
    const { navHash, nav } = navigation;
    const known = this.lastPageKeys;
    const same = known?.navHash === navHash && known.lastCommits === lastCommits && known.inputs.length === inputs.length && known.inputs.every((input, i) => input === inputs[i]);
    const layouts = new Array<string>(site.jobs.length);
    const keys = site.jobs.map((job, i) => {
      const wanted = site.headers[i]!.layout;
      const layout = (layouts[i] = site.theme.hasher.layout(wanted));
      if (same && known.jobs[i] === job && known.layouts[i] === layout) return known.keys[i]!;
      const navKey = site.theme.navReads.pageViewOnly(wanted) ? `view ${nav.viewKey(job.page.url)}` : navHash;
      const committed = lastCommits?.get(job.page.file);
      return committed === undefined ? hashOf('page', job.page.file, job.sourceKey, ...inputs, layout, navKey) : hashOf('page', job.page.file, job.sourceKey, ...inputs, layout, navKey, String(committed));
    });
    this.lastPageKeys = { navHash, inputs, lastCommits, jobs: site.jobs, layouts, keys };
    return keys;
  }

  /** What the workers are sent: the same object while the config and the theme stay, so they keep their engines. */
  private setupFor(site: { config: SiteConfig; theme: LoadedTheme }): RenderSetup {
    if (this.setup?.config !== site.config || this.setup.templates !== site.theme.templates) this.setup = { config: site.config, templates: site.theme.templates, variant: this.variant };
    return this.setup;
  }
}
