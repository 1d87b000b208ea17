import type { SiteConfig } from '../config/schema.ts';
import { hashOf } from '../hashing/hash.ts';
import { markSidebar, readingOrder, type PageLink, type PageNav, type PageNavItem } from './page-nav.ts';
import { SidebarHtml } from './sidebar-html.ts';
import { navGroupFiles, type NavGroupFile } from './sidebar-groups.ts';
import { sidebarFromConfig, sidebarFromPages, type NavItem, type NavPage, type VariantView } from './sidebar.ts';

/**
 * The site's sidebar: the config's `nav` when given, else the content tree. On a site with
 * variants, `variant` says where its pages' URLs start and which pages it lacks.
 */
export function siteNav(config: Pick<SiteConfig, 'nav' | 'base'>, pages: readonly NavPage[], variant: VariantView = {}): SiteNav {
  return new SiteNav(config.nav ? sidebarFromConfig(config.nav, config.base, pages.map((page) => page.url), variant) : sidebarFromPages(pages, variant.pageBase ?? config.base));
}

/**
 * The site's sidebar and what every page's navigation is made from, worked out once per
 * sidebar (the HTML tree, the reading order), not once per page. A build session makes
 * one whenever the sidebar changes; nothing of it outlives the session.
 */
export class SiteNav {
  private html: SidebarHtml | undefined;
  private order: NavItem[] | undefined;
  private position: Map<string, number> | undefined;
  private landing: { items: NavItem[]; urls: Set<string> } | undefined;
  private groups: NavGroupFile[] | undefined;

  constructor(readonly items: readonly NavItem[]) {}

  /** Every internal page of the sidebar, depth first, each once: the order of prev/next. */
  get readingOrder(): readonly NavItem[] {
    return (this.order ??= readingOrder(this.items));
  }

  /**
   * The collapsed groups' entries as JSON files, for the theme's script to expand them;
   * none when pages show the whole sidebar.
   */
  get groupFiles(): readonly NavGroupFile[] {
    const { groupIds } = this.sidebarHtml();
    return (this.groups ??= groupIds ? navGroupFiles(this.items, groupIds) : []);
  }

  private sidebarHtml(): SidebarHtml {
    return (this.html ??= new SidebarHtml(this.items));
  }

  /** The groups that get a generated landing page (folders without a page of their own), depth first. */
  get landingGroups(): readonly NavItem[] {
    return this.landingPages().items;
  }

  /** Their URLs: pages that exist although no source makes them, so links to them are good. */
  get landingUrls(): ReadonlySet<string> {
    return this.landingPages().urls;
  }

  private landingPages(): { items: NavItem[]; urls: Set<string> } {
    if (!this.landing) {
      const items: NavItem[] = [];
      const walk = (list: readonly NavItem[]) => {
        for (const item of list) {
          if (item.generated) items.push(item);
          walk(item.items);
        }
      };
      walk(this.items);
      this.landing = { items, urls: new Set(items.map((item) => item.url)) };
    }
    return this.landing;
  }

  /**
   * The current page's view of the sidebar and the pages before and after it in reading
   * order. `sidebar_html` is the ready-made tree the built-in theme prints; `sidebar`, the
   * same tree as data for themes that render their own, is only worked out if read.
   */
  forPage(url: string): PageNav {
    const nav = { sidebar_html: this.sidebarHtml().render(url), ...this.neighbours(url) } as PageNav;
    const items = this.items;
    let marked: PageNavItem[] | undefined;
    Object.defineProperty(nav, 'sidebar', { enumerable: true, get: () => (marked ??= markSidebar(items, url)) });
    return nav;
  }

  /**
   * A hash of the page's own view (`sidebar_html`, `prev`, `next`): the same for two
   * sidebars that show the page alike. On a big site a page added to one section changes
   * the view of that section's pages and its neighbours', not every page's.
   */
  viewKey(url: string): string {
    const { prev, next } = this.neighbours(url);
    return hashOf(this.sidebarHtml().renderKey(url), JSON.stringify([prev, next]));
  }

  /** The pages before and after this one in reading order. */
  private neighbours(url: string): Pick<PageNav, 'prev' | 'next'> {
    const order = this.readingOrder;
    this.position ??= new Map(order.map((item, i) => [item.url, i]));
    const at = this.position.get(url) ?? -1;
    const toLink = (item: NavItem | undefined): PageLink | null => (item ? { text: item.text, href: item.href } : null);
    return { prev: at === -1 ? null : toLink(order[at - 1]), next: at === -1 ? null : toLink(order[at + 1]) };
  }
}
