import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingSlugs } from '../../../src/markdown/fast/heading-slugs.ts';
import { rehypeSafeHtml } from '../../../src/markdown/plugins/safe-html.ts';
import { dialects } from '../../../bench/dialects.ts';
import { renderPageBody } from '../../../bench/pages.ts';
import { planSite } from '../../../bench/plan.ts';
import { block } from '../../fuzz/arbitraries.ts';

/** The HTML tree rehype-slug sees in the real chain: markdown, then the author's HTML made safe. */
const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeSafeHtml).freeze();
const hastOf = (markdown: string) => {
  const file = { value: markdown, data: { page: { contentPath: 'a.md', base: '/', links: [], headings: [], anchors: [], problems: [] } } };
  return toHast.runSync(toHast.parse(file), file) as Root;
};

/** The tree after rehype-slug on the whole tree, and after it on the headings alone. */
function bothWays(tree: Root) {
  const whole = structuredClone(tree);
  rehypeSlug()(whole);
  const scoped = structuredClone(tree);
  rehypeHeadingSlugs()(scoped);
  return { whole: JSON.stringify(whole), scoped: JSON.stringify(scoped) };
}

/** Headings that collide, are empty, carry ids already or come from raw HTML, in every container. */
const heading = fc.constantFrom(
  '## Overview', '## Overview', '# overview', '### Overview 1', '## Overview-1', '##', '## ?!', '## Café ünïcödé', '## `code` and *em*',
  'Setext\n---', '> ## Quoted', '- ## Listed', '1. ### Numbered', '<h2>Overview</h2>', '<h2 id="taken">Overview</h2>', '<H3>Upper</H3>',
  '<details><summary>More</summary>\n\n## Inside details\n\n</details>', '| a |\n| - |\n| <h4>cell</h4> |', '[^1]\n\n[^1]: ## In a footnote',
);

describe('rehypeHeadingSlugs', () => {
  it('gives every heading the id rehype-slug gives it on the whole tree', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(heading, block), { maxLength: 14 }), (blocks) => {
        const { whole, scoped } = bothWays(hastOf(blocks.join('\n\n')));
        expect(scoped).toBe(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the ids rehype-slug gives on the benchmark’s API pages and this site’s own pages', () => {
    const plans = planSite(40, 2).filter((plan) => plan.section);
    const pages = plans.map((plan) => renderPageBody(plan, plans, dialects.docsmith));
    for (const file of readdirSync('content', { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.md')) pages.push(readFileSync(join('content', file), 'utf8'));
    }
    for (const page of pages) {
      const { whole, scoped } = bothWays(hastOf(page));
      expect(scoped).toBe(whole);
    }
  });

  it('numbers a heading nested in another after it, as rehype-slug does', () => {
    const h = (tagName: string, text: string, ...children: Element[]): Element => ({ type: 'element', tagName, properties: {}, children: [{ type: 'text', value: text }, ...children] });
    const tree: Root = { type: 'root', children: [h('h2', 'A', h('h3', 'A')), h('h2', 'A')] };
    const { whole, scoped } = bothWays(tree);
    expect(scoped).toBe(whole);
    expect(whole).toContain('"id":"a-1"');
  });
});
