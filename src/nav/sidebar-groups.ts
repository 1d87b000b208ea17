import { hashOf } from '../hashing/hash.ts';
import type { NavItem } from './sidebar.ts';

/** Where a group's entries are, as JSON, relative to the output folder (and to the base in a URL). */
export const NAV_GROUP_FOLDER = 'assets/nav/';

/** Every group that has entries, depth first. */
export function sidebarGroups(sidebar: readonly NavItem[]): NavItem[] {
  const groups: NavItem[] = [];
  const walk = (items: readonly NavItem[]) => {
    for (const item of items) {
      if (item.items.length === 0) continue;
      groups.push(item);
      walk(item.items);
    }
  };
  walk(sidebar);
  return groups;
}

/** One entry of a group's JSON: what the script needs to print it as the sidebar does. */
export interface NavGroupEntry {
  text: string;
  /** As written into HTML (base included); `''` for a group without a page. */
  href: string;
  /** Present for an external link (printed with `rel="noopener"`). */
  external?: true;
  /** The entry's own group id, when it has entries: it is shown collapsed, expandable in turn. */
  group?: string;
}

/** A group's JSON file: its path in the output and the fingerprint it is written from. */
export interface NavGroupFile {
  file: string;
  json: string;
  fingerprint: string;
}

/**
 * Each group's entries as JSON, one level deep (a sub-group is one entry with its id,
 * fetched when expanded), and its id: a hash of that JSON. A collapsed group's heading
 * carries its id (`data-nav-group`) and its entries are in `assets/nav/<id>.json`, so a
 * file's name changes with what it holds, and a browser holding a page from an older build
 * never expands a group from a newer file (or the other way round). One file per group
 * rather than one per site: expanding a group fetches that group alone, so what a reader
 * downloads does not grow with the rest of the site.
 */
export function navGroupIds(sidebar: readonly NavItem[]): Map<NavItem, { id: string; json: string }> {
  const groups = new Map<NavItem, { id: string; json: string }>();
  // Sub-groups first: a group's JSON holds their ids.
  const visit = (item: NavItem): string | undefined => {
    if (item.items.length === 0) return undefined;
    const entries = item.items.map((child): NavGroupEntry => {
      const entry: NavGroupEntry = { text: child.text, href: child.href };
      if (child.external) entry.external = true;
      const id = visit(child);
      if (id !== undefined) entry.group = id;
      return entry;
    });
    const json = JSON.stringify(entries);
    const id = hashOf('nav-group', json).slice(0, 16);
    groups.set(item, { id, json });
    return id;
  };
  for (const item of sidebar) visit(item);
  return groups;
}

/** Every group's JSON file, depth first, made once per sidebar; the fingerprint lets an unchanged file be carried over. */
export function navGroupFiles(sidebar: readonly NavItem[], ids: ReadonlyMap<NavItem, { id: string; json: string }> = navGroupIds(sidebar)): NavGroupFile[] {
  const seen = new Set<string>();
  return sidebarGroups(sidebar).flatMap((group) => {
    const { id, json } = ids.get(group)!;
    // Two groups with the same entries share a file.
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ file: `${NAV_GROUP_FOLDER}${id}.json`, json, fingerprint: id }];
  });
}
