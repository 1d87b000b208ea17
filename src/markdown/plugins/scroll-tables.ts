import type { Element, Root } from 'hast';
import { visitElements } from '../walk.ts';

/**
 * Wraps each table in a horizontally scrolling region, so a wide table scrolls on a
 * phone instead of widening the page. The region is focusable (keyboard users can
 * scroll it) and named after the headings above the table ("Delete user Path
 * parameters"), since regions with the same name could not be told apart.
 */
export function rehypeScrollTables() {
  return (tree: Root) => {
    visitElements(tree, (node, index, parent) => {
      if (node.tagName !== 'table') return;
      const ids = headingTrail(parent.children.slice(0, index));
      const name = ids.length > 0 ? { ariaLabelledBy: ids } : { ariaLabel: 'Table' };
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ...name }, children: [node] };
      return 'skip';
    });
  };
}

/** The ids of the headings a table sits under, outermost first, h1 left out: `['delete-user', 'path-parameters']`. */
function headingTrail(before: Root['children'] | Element['children']): string[] {
  const ids: string[] = [];
  let below = 7;
  for (let i = before.length - 1; i >= 0 && below > 2; i--) {
    const node = before[i]!;
    if (node.type !== 'element') continue;
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    const id = node.properties.id;
    if (depth === undefined || Number(depth) >= below || typeof id !== 'string' || id === '') continue;
    below = Number(depth);
    ids.unshift(id);
  }
  return ids;
}
