import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { visitElements } from '../walk.ts';

const HEADING = /^h([1-6])$/;

/**
 * Records every element id (what a `#fragment` can land on: headings, footnotes) and
 * every heading with the id rehype-slug gave it, for the TOC and the anchor check.
 */
export function rehypeCollectAnchors() {
  return (tree: Root, file: VFile) => {
    const page = file.data.page!;
    visitElements(tree, (node) => {
      const id = typeof node.properties.id === 'string' ? node.properties.id : '';
      if (id) page.anchors.push(id);
      const match = HEADING.exec(node.tagName);
      if (!match) return;
      page.headings.push({ depth: Number(match[1]), id, text: toString(node).trim(), offset: node.position?.start.offset ?? 0 });
    });
  };
}
