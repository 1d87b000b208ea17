import { hashOf } from '../hashing/hash.ts';
import { escapeHtml } from '../template/liquid.ts';
import type { NavItem } from './sidebar.ts';
import { navGroupIds } from './sidebar-groups.ts';

/**
 * Up to this many entries a page's sidebar shows the whole tree: its size is then bounded
 * by this constant whatever the site, and a small site reads without JavaScript as it
 * always did. Past it, a page shows the top-level entries, the path to itself and the
 * siblings along that path; every other group is its heading alone (its link, and with
 * JavaScript a button that fetches its entries), so a page's weight does not depend on
 * the size of other sections. A full sidebar on every page makes output grow with the
 * square of the page count.
 */
export const FULL_SIDEBAR_LIMIT = 150;

/**
 * On a big sidebar, an open group with more entries than fit this window either side of
 * the current one shows only those, with a link at each cut end to the group's page, which
 * lists them all: a section that grows with the site (800 pages of 16,000) would otherwise
 * put all its siblings on each of its pages, and output would grow with their square again.
 * Previous/next still walk every page.
 */
export const SIBLING_WINDOW = 12;

interface Entry {
  item: NavItem;
  /** The opening `<a …>` or group label, escaped once per sidebar. */
  label: string;
  /** URLs of the pages at or under this entry, to know which groups lead to a page. */
  urls: Set<string>;
  children: Entry[];
  /** The entry's `<li>` as every page off its path prints it, made once per sidebar when first needed. */
  closed?: string;
  /** The group's id (sidebar-groups.ts) when it has entries. */
  group?: string | undefined;
}

/**
 * Renders the sidebar as HTML for any page of the site. Built once per sidebar and
 * reused for every page: each page costs one walk down the path to its own link, which
 * it marks (`aria-current="page"`) with the groups leading to it (`class="active"`);
 * every entry off that path is a string made once per sidebar.
 */
export class SidebarHtml {
  private readonly entries: Entry[];
  /** Whether pages show their path only (past FULL_SIDEBAR_LIMIT entries), with collapsed groups to expand. */
  readonly collapse: boolean;

  /** Each group's id and JSON (sidebar-groups.ts), on a big sidebar only: small ones print every group open. */
  readonly groupIds: ReadonlyMap<NavItem, { id: string; json: string }> | undefined;
  /** The top-level entries as every page off their path prints them, hashed (renderKey), once per sidebar. */
  private closedTop: string | undefined;

  constructor(sidebar: readonly NavItem[]) {
    const count = (items: readonly NavItem[]): number => items.reduce((sum, item) => sum + 1 + count(item.items), 0);
    this.collapse = count(sidebar) > FULL_SIDEBAR_LIMIT;
    const ids = (this.groupIds = this.collapse ? navGroupIds(sidebar) : undefined);
    const build = (item: NavItem): Entry => {
      const children = item.items.map(build);
      const urls = new Set(children.flatMap((child) => [...child.urls]));
      if (item.url) urls.add(item.url);
      const text = escapeHtml(item.text);
      const label = item.href === '' ? `<span class="nav-group">${text}</span>` : `<a href="${escapeHtml(item.href)}"${item.external ? ' rel="noopener"' : ''}>${text}</a>`;
      return { item, label, urls, children, group: ids?.get(item)?.id };
    };
    this.entries = sidebar.map(build);
  }

  /** The `<ul>` tree for the page at `url` (without the base). */
  render(url: string): string {
    return this.list(this.entries, url);
  }

  /**
   * A hash that two sidebars give a page alike only when they render it alike, made
   * without writing the whole tree: the top-level entries off the page's path print the
   * same string on every page, so they are hashed once per sidebar, and each page hashes
   * only the entries on its path, open. (The hashed top level includes the closed form of
   * the page's own entries, which it prints open: a change there lays the page out again,
   * never too rarely.)
   */
  renderKey(url: string): string {
    this.closedTop ??= hashOf(...this.entries.map((entry) => this.closed(entry)));
    const open = this.entries.flatMap((entry, index) => (url !== '' && entry.urls.has(url) ? [String(index), this.openEntry(entry, url)] : []));
    return hashOf(this.closedTop, ...open);
  }

  private list(entries: Entry[], url: string, owner?: Entry): string {
    let html = '<ul>\n';
    const { shown, before, after } = this.window(entries, url, owner);
    if (before > 0) html += moreEntry(owner!, before);
    for (const entry of shown) html += url === '' || !entry.urls.has(url) ? this.closed(entry) : this.openEntry(entry, url);
    if (after > 0) html += moreEntry(owner!, after);
    return `${html}</ul>`;
  }

  /** An entry on the current page's path: marked, and open when it is a group. */
  private openEntry(entry: Entry, url: string): string {
    const label = entry.item.url === url ? entry.label.replace('<a ', '<a aria-current="page" ') : entry.label;
    return `<li class="active">${label}\n${entry.children.length > 0 ? this.list(entry.children, url, entry) : ''}</li>\n`;
  }

  private closed(entry: Entry): string {
    return (entry.closed ??= this.closedEntry(entry));
  }

  /** The entries of an open group a page shows: all, or on a big sidebar a window around the current one. */
  private window(entries: Entry[], url: string, owner: Entry | undefined): { shown: Entry[]; before: number; after: number } {
    const size = 2 * SIBLING_WINDOW + 1;
    // Only a group with a page of its own is cut: that page is where the rest are listed.
    if (!this.collapse || !owner || owner.item.href === '' || owner.item.external || entries.length <= size) return { shown: entries, before: 0, after: 0 };
    const current = Math.max(0, entries.findIndex((entry) => entry.urls.has(url)));
    const start = Math.min(Math.max(0, current - SIBLING_WINDOW), entries.length - size);
    return { shown: entries.slice(start, start + size), before: start, after: entries.length - start - size };
  }

  /**
   * An entry off the current page's path: on a big sidebar a group is its heading alone,
   * marked with its id for the script; nothing is printed only for CSS to hide. A group
   * without a page (a configured `nav` group with no `link`) is collapsed too: without
   * JavaScript its pages are reached through prev/next and search, as every page is.
   */
  private closedEntry(entry: Entry): string {
    if (entry.children.length === 0) return `<li>${entry.label}\n</li>\n`;
    if (this.collapse) return `<li data-nav-group="${entry.group}">${entry.label}\n</li>\n`;
    return `<li>${entry.label}\n${this.list(entry.children, '')}</li>\n`;
  }
}

/** A link standing for entries cut from an open group: to the group's page, which lists them all. */
function moreEntry(owner: Entry, count: number): string {
  return `<li class="nav-more"><a href="${escapeHtml(owner.item.href)}">${count} more in ${escapeHtml(owner.item.text)}</a>\n</li>\n`;
}
