import { escapeHtml } from '../template/liquid.ts';
import type { NavItem } from './sidebar.ts';

/**
 * Past this many entries the sidebar shows the open section only (plus every group
 * that has no page of its own, so each page stays one click away): a full sidebar on
 * every page makes output grow with the square of the page count.
 */
export const FULL_SIDEBAR_LIMIT = 150;

interface Entry {
  item: NavItem;
  /** The opening `<a …>` or group label, escaped once per build. */
  label: string;
  /** URLs of the pages at or under this entry, to know which groups lead to a page. */
  urls: Set<string>;
  children: Entry[];
}

/**
 * Renders the sidebar as HTML for any page of the site. Built once per sidebar and
 * reused for every page: each page costs one walk that marks its own link
 * (`aria-current="page"`) and the groups leading to it (`class="active"`), instead of
 * a Liquid render of every entry on every page.
 */
export class SidebarHtml {
  private readonly entries: Entry[];
  private readonly collapse: boolean;

  constructor(sidebar: readonly NavItem[]) {
    let count = 0;
    const build = (item: NavItem): Entry => {
      count++;
      const children = item.items.map(build);
      const urls = new Set(children.flatMap((child) => [...child.urls]));
      if (item.url) urls.add(item.url);
      const text = escapeHtml(item.text);
      const label = item.href === '' ? `<span class="nav-group">${text}</span>` : `<a href="${escapeHtml(item.href)}"${item.external ? ' rel="noopener"' : ''}>${text}</a>`;
      return { item, label, urls, children };
    };
    this.entries = sidebar.map(build);
    this.collapse = count > FULL_SIDEBAR_LIMIT;
  }

  /** The `<ul>` tree for the page at `url` (without the base). */
  render(url: string): string {
    return this.list(this.entries, url);
  }

  private list(entries: Entry[], url: string): string {
    let html = '<ul>\n';
    for (const entry of entries) {
      const active = url !== '' && entry.urls.has(url);
      const label = entry.item.url === url && url !== '' ? entry.label.replace('<a ', '<a aria-current="page" ') : entry.label;
      const open = entry.children.length > 0 && (!this.collapse || active || entry.item.href === '');
      html += `<li${active ? ' class="active"' : ''}>${label}\n${open ? this.list(entry.children, url) : ''}</li>\n`;
    }
    return `${html}</ul>`;
  }
}
