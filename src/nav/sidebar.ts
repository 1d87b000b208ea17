import type { NavItemInput } from '../config/schema.ts';
import { resolveLink } from '../content/link-targets.ts';
import { titleFromName } from '../content/titles.ts';
import { slug } from 'github-slugger';

/** What the sidebar needs to know about one page, read before rendering. */
export interface NavPage {
  /** Path inside content/: `api/users.md`. */
  contentPath: string;
  /** URL without the base: `/api/users/`. */
  url: string;
  title: string;
  /** Frontmatter `order`: lower first; pages without one come after, by title. */
  order?: number | undefined;
}

/** One sidebar entry: a link, a group of entries, or both (a group with its own page). */
export interface NavItem {
  text: string;
  /** The href as written into HTML (base included), or `''` for a group without a page. */
  href: string;
  /** The page URL without the base, to find the current page; `''` for groups and external links. */
  url: string;
  external: boolean;
  /** Always an array (empty for a plain link), so templates never meet an undefined value. */
  items: NavItem[];
  /**
   * The group of a folder without a page of its own, linked to the landing page docsmith
   * makes for it (its entries, listed): the page is not the writer's, so it is left out of
   * the reading order (prev/next).
   */
  generated?: true;
}

/**
 * The sidebar from the config's `nav`. Links may be written as site paths (`/api/users/`),
 * as content files (`api/users.md`, like links in pages), or as external URLs. A group
 * written without a link gets a generated landing page, as a folder without an `index.md`
 * does, so its heading leads somewhere without JavaScript: at the folder its pages share
 * (`/api/` for `/api/users/` and `/api/teams/`), or else at its name under its parent's
 * (`/guides/`), never at a page's URL or another group's.
 */
export function sidebarFromConfig(nav: readonly NavItemInput[], base: string, pageUrls: readonly string[] = [], variant: VariantView = {}): NavItem[] {
  const pageBase = variant.pageBase ?? base;
  const made = configItems(nav, base, pageBase);
  const items = variant.absent && variant.absent.size > 0 ? withoutAbsent(made, variant.absent) : made;
  const taken = new Set(pageUrls.map((url) => url.toLowerCase()));
  const addLinked = (list: readonly NavItem[]): void => {
    for (const item of list) {
      if (item.url !== '') taken.add(item.url.toLowerCase());
      addLinked(item.items);
    }
  };
  addLinked(items);
  claimLandingUrls(items, '/', taken, pageBase);
  return items;
}

/** On a site with variants, what one variant's sidebar differs by. */
export interface VariantView {
  /** Where its pages' URLs start: the base and the variant's path (files in content/ are shared, at the base). */
  pageBase?: string | undefined;
  /** The URLs of the pages it lacks (other variants have them): the config's entries for them are left out. */
  absent?: ReadonlySet<string> | undefined;
}

/**
 * The entries without those that lead to pages the variant lacks (other variants have
 * them): a group whose own page is absent stays, as a heading, for the entries it still
 * has; a group left with neither a page nor an entry goes.
 */
function withoutAbsent(items: readonly NavItem[], absent: ReadonlySet<string>): NavItem[] {
  return items.flatMap((item) => {
    const kept = withoutAbsent(item.items, absent);
    const linked = item.url !== '' && !absent.has(item.url);
    if (!linked && !item.external && kept.length === 0 && (item.url !== '' || item.items.length > 0)) return [];
    return [item.url !== '' && !linked ? { ...item, href: '', url: '', items: kept } : { ...item, items: kept }];
  });
}

function configItems(nav: readonly NavItemInput[], base: string, pageBase: string): NavItem[] {
  return nav.map((entry) => {
    const items = configItems(entry.items ?? [], base, pageBase);
    if (entry.link === undefined || entry.link === '') return { text: entry.text, href: '', url: '', external: false, items };
    if (entry.link === '/') return { text: entry.text, href: pageBase, url: '/', external: false, items };
    const { href, link } = resolveLink(configLink(entry.link), 'index.md', base, pageBase);
    const external = link.kind === 'external';
    return { text: entry.text, href, url: external ? '' : link.target, external, items };
  });
}

/** A configured entry's link as a link from the home page: `api/users.md` means the content file, as `/api/users.md` does. */
export function configLink(link: string): string {
  return link.startsWith('/') || /^[a-z][a-z\d+.-]*:/i.test(link) ? link : `/${link}`;
}

/** Where a configured entry's link leads: a page's URL (`/api/users/`), a file's path, or an external address. */
export function configLinkTarget(link: string): string {
  return resolveLink(configLink(link), 'index.md', '/').link.target;
}

/** Gives each linkless group with entries a free URL and marks it generated, parents first. */
function claimLandingUrls(items: NavItem[], parentUrl: string, taken: Set<string>, base: string): void {
  for (const item of items) {
    if (item.url === '' && !item.external && item.items.length > 0) {
      const url = freeLandingUrl(item, parentUrl, taken);
      taken.add(url.toLowerCase());
      Object.assign(item, { href: encodeURI(base + url.slice(1)), url, generated: true });
    }
    claimLandingUrls(item.items, item.url !== '' && !item.external ? item.url : parentUrl, taken, base);
  }
}

/** The folder the group's pages share when no page or group has it, else its name under its parent's, numbered past taken ones. */
function freeLandingUrl(group: NavItem, parentUrl: string, taken: ReadonlySet<string>): string {
  const shared = sharedFolder(group);
  if (shared !== '/' && !taken.has(shared.toLowerCase())) return shared;
  const name = `${parentUrl}${slug(group.text) || 'group'}`;
  let url = `${name}/`;
  for (let n = 2; taken.has(url.toLowerCase()); n++) url = `${name}-${n}/`;
  return url;
}

/** The deepest folder URL every internal page under a group lives in (`/` when they share none). */
function sharedFolder(group: NavItem): string {
  let shared: string[] | undefined;
  const visit = (items: readonly NavItem[]) => {
    for (const item of items) {
      if (item.url !== '') {
        const folders = item.url.split('/').slice(1, -2);
        shared = shared ? shared.slice(0, commonLength(shared, folders)) : folders;
      }
      visit(item.items);
    }
  };
  visit(group.items);
  return shared && shared.length > 0 ? `/${shared.join('/')}/` : '/';
}

function commonLength(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The sidebar from the content tree: each folder becomes a group, and siblings are
 * ordered by `order`, then title. A group is titled and linked by the folder's own page:
 * `index.md`, `README.md`, or a page of the folder's name beside it (`guide.md` next to
 * `guide/`, as Jekyll and Docusaurus sites have), whichever has the folder's URL. A
 * folder with none is linked to a landing page made for it at its URL (`generated`), so
 * every group heading leads somewhere without JavaScript, and a collapsed group is one
 * click from its pages. When a page's URL differs from the folder's only by case, the two
 * would be one file on a case-insensitive disk: the group then stays a plain label.
 */
export function sidebarFromPages(pages: readonly NavPage[], base: string): NavItem[] {
  interface Folder { index?: NavPage; pages: NavPage[]; folders: Map<string, Folder> }
  const root: Folder = { pages: [], folders: new Map() };
  const folderAt = (parts: readonly string[], create: boolean): Folder | undefined => {
    let folder = root;
    for (const part of parts) {
      let next = folder.folders.get(part);
      if (!next) {
        if (!create) return undefined;
        folder.folders.set(part, (next = { pages: [], folders: new Map() }));
      }
      folder = next;
    }
    return folder;
  };
  for (const page of pages) folderAt(page.contentPath.split('/').slice(0, -1), true);
  for (const page of pages) {
    const own = page.url === '/' ? undefined : folderAt(page.url.slice(1, -1).split('/'), false);
    if (own && !own.index) own.index = page;
    else folderAt(page.contentPath.split('/').slice(0, -1), true)!.pages.push(page);
  }
  const taken = new Set(pages.map((page) => page.url.toLowerCase()));
  const href = (url: string) => encodeURI(base + url.slice(1));
  const link = (page: NavPage, items: NavItem[] = []): NavItem => ({ text: page.title, href: href(page.url), url: page.url, external: false, items });
  const landing = (text: string, url: string, items: NavItem[]): NavItem =>
    taken.has(url.toLowerCase()) ? { text, href: '', url: '', external: false, items } : { text, href: href(url), url, external: false, items, generated: true };
  const toItems = (folder: Folder, url: string): Array<{ order: number; text: string; home: boolean; item: NavItem }> => [
    ...folder.pages.map((page) => ({ order: page.order ?? Infinity, text: page.title, home: page.url === '/', item: link(page) })),
    ...[...folder.folders].map(([name, sub]) => {
      const subUrl = `${url}${name}/`;
      const items = sortItems(toItems(sub, subUrl));
      const text = sub.index?.title ?? titleFromName(name);
      const item: NavItem = sub.index ? link(sub.index, items) : landing(text, subUrl, items);
      return { order: sub.index?.order ?? Infinity, text, home: false, item };
    }),
  ];
  return sortItems(toItems(root, '/'));
}

/** The home page first, then by `order`, then by title. */
function sortItems(entries: Array<{ order: number; text: string; home: boolean; item: NavItem }>): NavItem[] {
  return entries
    .sort((a, b) => Number(b.home) - Number(a.home) || a.order - b.order || a.text.localeCompare(b.text, 'en'))
    .map((entry) => entry.item);
}
