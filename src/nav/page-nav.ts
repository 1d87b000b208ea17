import type { NavItem } from './sidebar.ts';

/** A sidebar entry as one page shows it: whether it is that page, or leads to it. */
export interface PageNavItem extends Omit<NavItem, 'items' | 'generated'> {
  /** Always there (a theme's template reads it under strict variables): whether the entry is a generated landing page. */
  generated: boolean;
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

/** The sidebar as data, with this page and the groups leading to it marked. */
export function markSidebar(items: readonly NavItem[], url: string): PageNavItem[] {
  return items.map((item) => {
    const children = markSidebar(item.items, url);
    const current = item.url !== '' && item.url === url;
    return { ...item, generated: item.generated === true, items: children, current, active: current || children.some((child) => child.active) };
  });
}

/**
 * Every internal page of the sidebar, depth first, each once. Generated landing pages are
 * left out: prev/next walk the writer's pages, as they did before folders had landing pages.
 */
export function readingOrder(sidebar: readonly NavItem[]): NavItem[] {
  const seen = new Set<string>();
  const order: NavItem[] = [];
  const walk = (items: readonly NavItem[]) => {
    for (const item of items) {
      if (item.url !== '' && !item.generated && !seen.has(item.url)) {
        seen.add(item.url);
        order.push(item);
      }
      walk(item.items);
    }
  };
  walk(sidebar);
  return order;
}
