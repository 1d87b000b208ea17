import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { twinPath, twinUrl } from '../../src/content/discover.ts';
import { markdownTwin } from '../../src/markdown/twin.ts';

const processor = unified().use(remarkParse).use(remarkGfm);
const twin = (text: string, contentPath = 'guide/setup.md', base = '/') => markdownTwin(text, processor.parse(text), { contentPath, base });

describe('markdownTwin', () => {
  it('points links to pages at their twins, keeping the fragment, query and title', () => {
    expect(twin('See [install](./install.md#linux "How") and [home](../index.md).')).toBe('See [install](/guide/install.md#linux "How") and [home](/index.md).');
    expect(twin('[folder](../api/)', 'guide/setup.md', '/docs/')).toBe('[folder](/docs/api.md)');
    expect(twin('[site path](/api/users/?tab=js#list)')).toBe('[site path](/api/users.md?tab=js#list)');
  });

  it('rewrites definitions, angle-bracket destinations and images; leaves references, anchors and other sites alone', () => {
    const text = ['[Setup][s] and [ref].', '', '![Flow](../img/flow.png)', '[x](<my page.md>)', '[here](#steps) <https://example.com> [out](https://example.com/a.md)', '', '[s]: ./install.md', '[ref]: <../api/users.md> "Users"'].join('\n');
    expect(twin(text)).toBe(['[Setup][s] and [ref].', '', '![Flow](/img/flow.png)', '[x](</guide/my%20page.md>)', '[here](#steps) <https://example.com> [out](https://example.com/a.md)', '', '[s]: /guide/install.md', '[ref]: </api/users.md> "Users"'].join('\n'));
  });

  it('finds the destination after link text that holds brackets, code or an image', () => {
    expect(twin('[`a](b)` and \\[c\\]](./install.md)')).toBe('[`a](b)` and \\[c\\]](/guide/install.md)');
    expect(twin('[![badge](../img/b.svg)](./install.md)')).toBe('[![badge](/img/b.svg)](/guide/install.md)');
    expect(twin('[call](./fn(a).md)')).toBe('[call](/guide/fn(a).md)');
  });

  it('keeps everything else byte for byte: fences, raw HTML, links inside code', () => {
    const text = '```md\n[not a link](./install.md)\n```\n\n<a href="./install.md">raw</a>\n\n`[code](./install.md)`\n';
    expect(twin(text)).toBe(text);
  });

  it('names twins beside their pages', () => {
    expect([twinUrl('/'), twinUrl('/api/users/')]).toEqual(['/index.md', '/api/users.md']);
    expect([twinPath('index.html'), twinPath('api/users/index.html')]).toEqual(['index.md', 'api/users.md']);
  });
});
