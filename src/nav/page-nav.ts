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
  /** `null` on the first page; the layout tests `{% if nav.prev %}`. */
  prev: PageLink | null;
  next: PageLink | null;
}

/** Marks the current page in the site's sidebar and finds the pages before and after it in reading order. */
export function pageNav(sidebar: readonly NavItem[], url: string): PageNav {
  const mark = (items: readonly NavItem[]): PageNavItem[] =>
    items.map((item) => {
      const marked = mark(item.items);
      const current = item.url !== '' && item.url === url;
      return { ...item, items: marked, current, active: current || marked.some((child) => child.active) };
    });
  const order = readingOrder(sidebar);
  const at = order.findIndex((item) => item.url === url);
  const toLink = (item: NavItem | undefined): PageLink | null => (item ? { text: item.text, href: item.href } : null);
  return {
    sidebar: mark(sidebar),
    prev: at === -1 ? null : toLink(order[at - 1]),
    next: at === -1 ? null : toLink(order[at + 1]),
  };
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
