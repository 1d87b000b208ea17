import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitElements } from '../walk.ts';

/**
 * Adds a `#` link to every h2–h6 that has an id, so readers can copy a link to a section.
 * Runs after the heading collector and the link rewriter: the `#` must stay out of the
 * TOC text, and these links need no checking.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visitElements(tree, (node) => {
      if (!/^h[2-6]$/.test(node.tagName)) return;
      const id = node.properties.id;
      if (typeof id !== 'string' || id === '') return;
      const text = toString(node).trim();
      node.children.push(
        { type: 'text', value: ' ' },
        {
          type: 'element',
          tagName: 'a',
          properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section “${text}”`, dataPagefindIgnore: '' },
          children: [{ type: 'text', value: '#' }],
        },
      );
      return 'skip';
    });
  };
}
