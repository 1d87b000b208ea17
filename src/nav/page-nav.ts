import { SidebarHtml } from './sidebar-html.ts';
import type { NavItem } from './sidebar.ts';

/** A sidebar entry as one page shows it: whether it is that page, or leads to it. */
export interface PageNavItem extends Omit<NavItem, 'items'> {
  current: boolean;
  /** The entry is the current page or contains it: its group is shown open. */
  active: boolean;
  items: PageNavItem[];
}

export interface PageLink {
  text: string;
  href: string;
}

/** What the layout gets as `nav`: the sidebar marked for this page, and its neighbours. */
export interface PageNav {
  sidebar: PageNavItem[];
  /** The sidebar as HTML (`<ul>` tree) with this page marked. */
  sidebar_html: string;
  /** `null` on the first page; the layout tests `{% if nav.prev %}`. */
  prev: PageLink | null;
  next: PageLink | null;
}

/** What pageNav needs of the whole sidebar, worked out once per sidebar, not once per page. */
interface SiteNavIndex {
  html: SidebarHtml;
  order: NavItem[];
  position: Map<string, number>;
}
// Keyed by the sidebar array itself: one build (or one worker setup) shares one array.
const indexes = new WeakMap<readonly NavItem[], SiteNavIndex>();

function indexFor(sidebar: readonly NavItem[]): SiteNavIndex {
  let index = indexes.get(sidebar);
  if (!index) {
    const order = readingOrder(sidebar);
    index = { html: new SidebarHtml(sidebar), order, position: new Map(order.map((item, i) => [item.url, i])) };
    indexes.set(sidebar, index);
  }
  return index;
}

/**
 * The current page's view of the sidebar and the pages before and after it in reading
 * order. `sidebar_html` is the ready-made tree the built-in theme prints; `sidebar`, the
 * same tree as data for themes that render their own, is only worked out if read.
 */
export function pageNav(sidebar: readonly NavItem[], url: string): PageNav {
  const index = indexFor(sidebar);
  const at = index.position.get(url) ?? -1;
  const toLink = (item: NavItem | undefined): PageLink | null => (item ? { text: item.text, href: item.href } : null);
  const nav = {
    sidebar_html: index.html.render(url),
    prev: at === -1 ? null : toLink(index.order[at - 1]),
    next: at === -1 ? null : toLink(index.order[at + 1]),
  } as PageNav;
  let marked: PageNavItem[] | undefined;
  Object.defineProperty(nav, 'sidebar', { enumerable: true, get: () => (marked ??= markSidebar(sidebar, url)) });
  return nav;
}

/** The sidebar as data, with this page and the groups leading to it marked. */
export function markSidebar(items: readonly NavItem[], url: string): PageNavItem[] {
  return items.map((item) => {
    const children = markSidebar(item.items, url);
    const current = item.url !== '' && item.url === url;
    return { ...item, items: children, current, active: current || children.some((child) => child.active) };
  });
}

/** `readingOrder`, worked out once per sidebar. */
export function siteReadingOrder(sidebar: readonly NavItem[]): readonly NavItem[] {
  return indexFor(sidebar).order;
}

/** Every internal page of the sidebar, depth first, each once. */
export function readingOrder(sidebar: readonly NavItem[]): NavItem[] {
  const seen = new Set<string>();
  const order: NavItem[] = [];
  const walk = (items: readonly NavItem[]) => {
    for (const item of items) {
      if (item.url !== '' && !seen.has(item.url)) {
        seen.add(item.url);
        order.push(item);
      }
      walk(item.items);
    }
  };
  walk(sidebar);
  return order;
}
