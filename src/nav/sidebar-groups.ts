import { hashOf } from '../hashing/hash.ts';
import type { NavItem } from './sidebar.ts';

/** Where a group's entries are, as JSON, relative to the output folder (and to the base in a URL). */
export const NAV_GROUP_FOLDER = 'assets/nav/';

/**
 * Every group that has entries, depth first: a group's id is its index here. A collapsed
 * group's heading carries its id (`data-nav-group`), and its entries are in
 * `assets/nav/<id>.json`, which the theme's script fetches when a reader expands it.
 */
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
  group?: number;
}

/**
 * A group's entries, one level deep: a sub-group is one entry with its id, fetched when
 * expanded. One file per group rather than one per site: expanding a group fetches that
 * group alone, so what a reader downloads does not grow with the rest of the site.
 */
export function groupEntries(group: NavItem, ids: ReadonlyMap<NavItem, number>): NavGroupEntry[] {
  return group.items.map((item) => {
    const entry: NavGroupEntry = { text: item.text, href: item.href };
    if (item.external) entry.external = true;
    const id = ids.get(item);
    if (id !== undefined) entry.group = id;
    return entry;
  });
}

/** A group's JSON file: its path in the output and the fingerprint it is written from. */
export interface NavGroupFile {
  file: string;
  json: string;
  fingerprint: string;
}

/** Every group's JSON file, made once per sidebar; the fingerprint lets an unchanged file be carried over. */
export function navGroupFiles(sidebar: readonly NavItem[]): NavGroupFile[] {
  const groups = sidebarGroups(sidebar);
  const ids = new Map(groups.map((group, id) => [group, id]));
  return groups.map((group, id) => {
    const json = JSON.stringify(groupEntries(group, ids));
    return { file: `${NAV_GROUP_FOLDER}${id}.json`, json, fingerprint: hashOf('nav-group', json) };
  });
}
