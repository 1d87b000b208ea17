import type { Element, Root } from 'hast';
import rehypeSlug from 'rehype-slug';
import { visitElements } from '../walk.ts';

/** What rehype-slug (through hast-util-heading-rank) counts as a heading. */
const HEADING = /^h[1-6]$/i;

/**
 * rehype-slug, shown the headings alone. It finds them by walking the whole tree with
 * unist-util-visit, which copies the ancestor list at every node: on an API page that
 * walk cost as much as turning the markdown tree into HTML (4% of a render). Here the
 * cheap walk finds the headings and rehype-slug numbers them, on a root that holds just
 * those elements, in document order (a heading nested in another comes after it, as in
 * rehype-slug's own walk, and is skipped the second time: it has an id by then). The
 * elements are the page's own, so the ids land in the page, the same ids rehype-slug gives
 * the whole tree (tested on generated pages).
 */
export function rehypeHeadingSlugs() {
  const slug = rehypeSlug();
  return (tree: Root) => {
    const headings: Element[] = [];
    visitElements(tree, (node) => {
      if (HEADING.test(node.tagName)) headings.push(node);
    });
    if (headings.length > 0) slug({ type: 'root', children: headings });
  };
}
