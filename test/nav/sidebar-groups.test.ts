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

  it('names and fingerprints each file by its content: an unchanged group is carried over, a changed one gets a new name', () => {
    const before = navGroupFiles(items);
    expect(navGroupFiles(structuredClone(items))).toEqual(before);
    const renamed = structuredClone(items);
    renamed[1]!.items[1]!.items[0]!.text = 'Why';
    const after = navGroupFiles(renamed);
    // The changed group, and its parent (which names it), get new files; the others keep theirs.
    expect(after[1]!.file).not.toBe(before[1]!.file);
    expect(after[0]!.file).not.toBe(before[0]!.file);
    expect(after[2]).toEqual(before[2]);
    for (const file of after) expect(file.file).toBe(`assets/nav/${file.fingerprint}.json`);
  });
});
