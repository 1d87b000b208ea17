import type { Element, Root, RootContent } from 'hast';

/** What a visitor returns: nothing (go on), `'skip'` (not into this element), or the index to go on at in the parent. */
export type WalkResult = void | undefined | 'skip' | number;

/**
 * Calls `visitor` for every element of the tree, in document order, with its index and
 * parent: unist-util-visit's `visit(tree, 'element', visitor)`, with the same meaning of
 * `'skip'` and of a returned index, and the element's children visited as they are after
 * the visitor ran.
 *
 * Written out because it runs in every theme plugin on every page: unist-util-visit
 * copies the ancestor list at every node and tests each node through a generic
 * predicate, which measured 0.35 ms a walk on a 6 KB page, ten walks a page; this loop
 * costs a small fraction of that.
 */
export function visitElements(tree: Root | Element, visitor: (node: Element, index: number, parent: Root | Element) => WalkResult): void {
  const walk = (parent: Root | Element): void => {
    let index = 0;
    while (index < parent.children.length) {
      const node = parent.children[index]!;
      let next = index + 1;
      if (node.type === 'element') {
        const result = visitor(node, index, parent);
        if (typeof result === 'number') next = result;
        if (result !== 'skip') walk(node);
      }
      index = next;
    }
  };
  walk(tree);
}

/** Whether the tree has a node of this type anywhere (raw HTML, say). */
export function containsType(tree: Root | Element, type: RootContent['type']): boolean {
  for (const node of tree.children) {
    if (node.type === type) return true;
    if (node.type === 'element' && containsType(node, type)) return true;
  }
  return false;
}
