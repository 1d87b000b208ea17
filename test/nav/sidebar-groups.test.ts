import { describe, expect, it } from 'vitest';
import { navGroupFiles, navGroupIds, sidebarGroups } from '../../src/nav/sidebar-groups.ts';
import type { NavItem } from '../../src/nav/sidebar.ts';

const link = (url: string, text = url, items: NavItem[] = []): NavItem => ({ text, href: `/docs${url}`, url, external: false, items });

describe('sidebar groups as JSON', () => {
  const items: NavItem[] = [
    link('/', 'Home'),
    link('/a/', 'A', [link('/a/x/', 'X'), link('/a/deep/', 'Deep', [link('/a/deep/y/', 'Y')])]),
    { text: 'Loose', href: '', url: '', external: false, items: [{ text: 'Elsewhere', href: 'https://example.com/', url: '', external: true, items: [] }] },
  ];

  it('lists the groups that have entries, depth first', () => {
    expect(sidebarGroups(items).map((item) => item.text)).toEqual(['A', 'Deep', 'Loose']);
  });

  it("writes each group's entries one level deep, with base-correct hrefs and sub-groups by id", () => {
    const files = navGroupFiles(items);
    const ids = navGroupIds(items);
    const idOf = (item: NavItem) => ids.get(item)!.id;
    expect(files.map((file) => file.file)).toEqual([items[1]!, items[1]!.items[1]!, items[2]!].map((group) => `assets/nav/${idOf(group)}.json`));
    expect(JSON.parse(files[0]!.json)).toEqual([
      { text: 'X', href: '/docs/a/x/' },
      { text: 'Deep', href: '/docs/a/deep/', group: idOf(items[1]!.items[1]!) },
    ]);
    expect(JSON.parse(files[1]!.json)).toEqual([{ text: 'Y', href: '/docs/a/deep/y/' }]);
    expect(JSON.parse(files[2]!.json)).toEqual([{ text: 'Elsewhere', href: 'https://example.com/', external: true }]);
  });

  it("names each file by the group's place, so a page added to one group changes no other group's id", () => {
    const before = navGroupFiles(items);
    expect(navGroupFiles(structuredClone(items))).toEqual(before);
    const added = structuredClone(items);
    added[1]!.items[1]!.items.push(link('/a/deep/z/', 'Z'));
    const after = navGroupFiles(added);
    // Every file keeps its name; only the group that gained an entry has new content (a new fingerprint).
    expect(after.map((file) => file.file)).toEqual(before.map((file) => file.file));
    expect(after[1]!.fingerprint).not.toBe(before[1]!.fingerprint);
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
  });

  it('gives groups at the same place distinct ids, in sidebar order', () => {
    const twice: NavItem[] = [link('/a/', 'A', [link('/a/x/', 'X')]), link('/a/', 'A', [link('/a/y/', 'Y')])];
    const [first, second] = navGroupFiles(twice);
    expect(second!.file).toBe(first!.file.replace('.json', '-2.json'));
  });

  it('gives a renamed group a new id: a page from before the change never expands it from the new file', () => {
    const renamed = structuredClone(items);
    renamed[1]!.text = 'Renamed';
    expect(navGroupFiles(renamed)[0]!.file).not.toBe(navGroupFiles(items)[0]!.file);
  });
});
