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
 * fetched when expanded), and its id. A collapsed group's heading carries its id
 * (`data-nav-group`) and its entries are in `assets/nav/<id>.json`. The id says where the
 * group is (the headings and links from the top of the sidebar down to it), not what it
 * holds: a page added to one group changes that group's file, and no other page, whose
 * heading names the group by the same id as before (a name made from the entries put
 * every group's contents into every page's HTML, so one page more changed the whole site).
 * The script asks the server whether its copy of a file is current before using it. One
 * file per group rather than one per site: expanding a group fetches that group alone, so
 * what a reader downloads does not grow with the rest of the site.
 */
export function navGroupIds(sidebar: readonly NavItem[]): Map<NavItem, { id: string; json: string }> {
  const groups = new Map<NavItem, { id: string; json: string }>();
  const taken = new Set<string>();
  // Two groups at the same place (a configured nav can repeat a heading) get ids in sidebar order.
  const idAt = (place: string): string => {
    const base = hashOf('nav-group', place).slice(0, 16);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const visit = (item: NavItem, above: string): string | undefined => {
    if (item.items.length === 0) return undefined;
    const place = `${above}\n${item.text}\0${item.href}`;
    const id = idAt(place);
    const entries = item.items.map((child): NavGroupEntry => {
      const entry: NavGroupEntry = { text: child.text, href: child.href };
      if (child.external) entry.external = true;
      const childId = visit(child, place);
      if (childId !== undefined) entry.group = childId;
      return entry;
    });
    groups.set(item, { id, json: JSON.stringify(entries) });
    return id;
  };
  for (const item of sidebar) visit(item, '');
  return groups;
}

/** Every group's JSON file, depth first, made once per sidebar; the fingerprint (of the entries) lets an unchanged file be carried over. */
export function navGroupFiles(sidebar: readonly NavItem[], ids: ReadonlyMap<NavItem, { id: string; json: string }> = navGroupIds(sidebar)): NavGroupFile[] {
  return sidebarGroups(sidebar).map((group) => {
    const { id, json } = ids.get(group)!;
    return { file: `${NAV_GROUP_FOLDER}${id}.json`, json, fingerprint: hashOf('nav-group', json) };
  });
}
