import { describe, expect, it } from 'vitest';
import { navGroupFiles, sidebarGroups } from '../../src/nav/sidebar-groups.ts';
import type { NavItem } from '../../src/nav/sidebar.ts';

const link = (url: string, text = url, items: NavItem[] = []): NavItem => ({ text, href: `/docs${url}`, url, external: false, items });

describe('sidebar groups as JSON', () => {
  const items: NavItem[] = [
    link('/', 'Home'),
    link('/a/', 'A', [link('/a/x/', 'X'), link('/a/deep/', 'Deep', [link('/a/deep/y/', 'Y')])]),
    { text: 'Loose', href: '', url: '', external: false, items: [{ text: 'Elsewhere', href: 'https://example.com/', url: '', external: true, items: [] }] },
  ];

  it('numbers the groups that have entries, depth first', () => {
    expect(sidebarGroups(items).map((item) => item.text)).toEqual(['A', 'Deep', 'Loose']);
  });

  it("writes each group's entries one level deep, with base-correct hrefs and sub-groups by id", () => {
    const files = navGroupFiles(items);
    expect(files.map((file) => file.file)).toEqual(['assets/nav/0.json', 'assets/nav/1.json', 'assets/nav/2.json']);
    expect(JSON.parse(files[0]!.json)).toEqual([
      { text: 'X', href: '/docs/a/x/' },
      { text: 'Deep', href: '/docs/a/deep/', group: 1 },
    ]);
    expect(JSON.parse(files[1]!.json)).toEqual([{ text: 'Y', href: '/docs/a/deep/y/' }]);
    expect(JSON.parse(files[2]!.json)).toEqual([{ text: 'Elsewhere', href: 'https://example.com/', external: true }]);
  });

  it('fingerprints each file by its content, so an unchanged group is carried over', () => {
    const again = navGroupFiles(structuredClone(items));
    expect(again.map((file) => file.fingerprint)).toEqual(navGroupFiles(items).map((file) => file.fingerprint));
    const renamed = structuredClone(items);
    renamed[1]!.items[1]!.items[0]!.text = 'Why';
    const changed = navGroupFiles(renamed);
    expect(changed[0]!.fingerprint).toBe(navGroupFiles(items)[0]!.fingerprint);
    expect(changed[1]!.fingerprint).not.toBe(navGroupFiles(items)[1]!.fingerprint);
  });
});
