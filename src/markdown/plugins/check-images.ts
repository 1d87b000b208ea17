import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visitElements } from '../walk.ts';

/** An image without alt text is invisible to screen-reader users: a warning at the image. */
export function rehypeCheckImages() {
  return (tree: Root, file: VFile) => {
    const page = file.data.page!;
    visitElements(tree, (node) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties.alt;
      if (typeof alt === 'string' && alt.trim() !== '') return;
      page.problems.push({
        offset: node.position?.start.offset ?? 0,
        severity: 'warning',
        message: `image "${String(node.properties.src ?? '')}" has no alt text: describe it between the brackets of ![…](…)`,
        rule: 'images/missing-alt',
      });
    });
  };
}
