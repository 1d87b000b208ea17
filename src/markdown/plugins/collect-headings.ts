import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const HEADING = /^h([1-6])$/;

/** Records every heading with the id rehype-slug gave it: the TOC and the anchor check read these. */
export function rehypeCollectHeadings() {
  return (tree: Root, file: VFile) => {
    const page = file.data.page!;
    visit(tree, 'element', (node: Element) => {
      const match = HEADING.exec(node.tagName);
      if (!match) return;
      const id = node.properties.id;
      page.headings.push({
        depth: Number(match[1]),
        id: typeof id === 'string' ? id : '',
        text: toString(node).trim(),
        offset: node.position?.start.offset ?? 0,
      });
    });
  };
}
