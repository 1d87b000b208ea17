import type { SiteConfig } from '../config/schema.ts';
import { variantPrefix, type SiteVariant } from '../config/variants.ts';
import type { PageSource } from '../content/discover.ts';
import type { PageHeader } from '../content/page-header.ts';
import { titleFromPath } from '../content/titles.ts';
import type { NavPage } from '../nav/sidebar.ts';
import type { VariantSwitch } from '../nav/variant-switch.ts';
import { siteNav, type SiteNav } from '../nav/site-nav.ts';
import { hashOf } from '../hashing/hash.ts';
import type { ContentRecord } from '../render/page.ts';
import { renderLandingPages, type LandingPage } from '../site-files/landing.ts';
import { renderNotFound } from '../site-files/not-found.ts';
import type { LoadedTheme } from './theme.ts';

/** The sidebar, its hash (part of every page's key), and the pages made from it alone: 404 and the folders' landing pages. */
export interface Navigation {
  nav: SiteNav;
  navHash: string;
  notFound: ReturnType<typeof renderNotFound>;
  /** Laid out when first asked for (a guessed sidebar that the rendered titles replace never needs them), then kept with the sidebar. */
  landingPages(): readonly LandingPage[];
}

/**
 * The navigation phase: the sidebar from what the pages rendered (their titles and
 * `order`), never from their sources. Kept between runs and made again only when an
 * entry, the config or the theme changed, so editing a page's text leaves every other
 * page's key as it was.
 */
export class NavigationMaker {
  private known: (Navigation & { entries: NavPage[]; config: SiteConfig; theme: LoadedTheme; variant: SiteVariant | undefined; switcher: VariantSwitch | undefined; absent: ReadonlySet<string> | undefined }) | undefined;

  /** `variant`: the one the sidebar is for (its links under its path), on a site with variants, and where each variant has pages. */
  make(entries: NavPage[], config: SiteConfig, theme: LoadedTheme, variant?: SiteVariant, switcher?: VariantSwitch, absent?: ReadonlySet<string>): Navigation {
    const known = this.known;
    if (known && known.config === config && known.theme === theme && known.variant === variant && known.switcher === switcher && known.absent === absent && sameEntries(known.entries, entries)) {
      // The entries compared equal: keep these objects, which the next run's reuse (NavEntries), so it compares them by identity.
      known.entries = entries;
      return known;
    }
    const nav = siteNav(config, entries, { pageBase: config.base + variantPrefix(variant), absent });
    const notFound = renderNotFound({ config, variant, switcher, templates: theme.templates, liquid: theme.layoutLiquid, nav });
    let landing: LandingPage[] | undefined;
    const landingPages = () => (landing ??= renderLandingPages({ config, variant, switcher, templates: theme.templates, liquid: theme.layoutLiquid, nav }));
    this.known = { entries, config, theme, variant, switcher, absent, nav, navHash: hashOf(JSON.stringify(nav.items)), notFound, landingPages };
    return this.known;
  }
}

/**
 * Sidebar entries, each kept while what it was made from stays the same object: a dev
 * rebuild makes the entry of the page that changed, reuses every other one, and
 * `NavigationMaker` compares them by identity first.
 */
export class NavEntries {
  private pages: (PageSource | undefined)[] = [];
  private from: (ContentRecord | PageHeader | undefined)[] = [];
  private entries: (NavPage | undefined)[] = [];
  private config: SiteConfig | undefined;

  /**
   * Before every page has rendered: a cached page's rendered title, else its header's
   * guess (frontmatter title, first heading, file name), so pages can be laid out while
   * later ones render.
   */
  guessed(pages: readonly PageSource[], records: readonly (ContentRecord | undefined)[], headers: readonly PageHeader[], config: SiteConfig): NavPage[] {
    this.forConfig(config);
    return pages.map((page, i) => {
      const record = records[i];
      if (record) return this.entry(i, page, record, navEntry);
      return this.entry(i, page, headers[i]!, (_, header) => ({ contentPath: page.contentPath, url: page.url, title: header.titleGuess ?? titleFromPath(page.contentPath) ?? config.title, order: header.order }));
    });
  }

  /** From what every page rendered. */
  rendered(pages: readonly PageSource[], records: readonly ContentRecord[], config: SiteConfig): NavPage[] {
    this.forConfig(config);
    return pages.map((page, i) => this.entry(i, page, records[i]!, navEntry));
  }

  private forConfig(config: SiteConfig): void {
    if (this.config !== config) (this.pages = []), (this.from = []), (this.entries = []), (this.config = config);
  }

  private entry<T extends ContentRecord | PageHeader>(i: number, page: PageSource, from: T, make: (page: PageSource, from: T) => NavPage): NavPage {
    const known = this.entries[i];
    if (known && this.pages[i] === page && this.from[i] === from) return known;
    const entry = make(page, from);
    this.pages[i] = page;
    this.from[i] = from;
    this.entries[i] = entry;
    return entry;
  }
}

function navEntry(page: PageSource, record: ContentRecord): NavPage {
  return { contentPath: page.contentPath, url: record.url, title: record.title, order: record.frontmatter.order };
}

function sameEntries(a: readonly NavPage[], b: readonly NavPage[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameEntry(a[i]!, b[i]!)) return false;
  return true;
}

function sameEntry(a: NavPage, b: NavPage): boolean {
  return a === b || (a.url === b.url && a.title === b.title && a.order === b.order && a.contentPath === b.contentPath);
}
