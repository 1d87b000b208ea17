import type { Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

/**
 * Warns about a page whose body renders to nothing: an empty file, frontmatter alone,
 * only comments, or content that was all left out (a `<script setup>`). Most likely a
 * page not written yet, or one whose content went somewhere else.
 */
export function rehypeEmptyPage() {
  return (tree: Root, file: VFile) => {
    if (tree.children.some(shows)) return;
    file.data.page?.problems.push({
      offset: 0,
      severity: 'warning',
      rule: 'markdown/empty-page',
      message: 'this page is empty: nothing in its body renders to HTML; write its content under the frontmatter, or delete the file',
    });
  };
}

function shows(node: RootContent): boolean {
  return node.type === 'element' || (node.type === 'text' && node.value.trim() !== '');
}
