import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visitElements } from '../walk.ts';
import { codeMeta, fencedCode } from './code-meta.ts';

/**
 * Turns consecutive fences that carry a `tab` label into one code group:
 *
 *     ```python tab="Python" group="sdk"
 *     ```javascript tab="JavaScript" group="sdk"
 *
 * The HTML is a stack of labelled blocks, which is what readers without JavaScript
 * see; the theme's script turns it into tabs and remembers the chosen label per
 * `group` (default `code`) across pages. Must run before highlighting, which drops the fence meta.
 */
export function rehypeCodeGroups() {
  return (tree: Root) => {
    regroup(tree);
    visitElements(tree, (node) => {
      // A panel holds a tabbed fence already grouped: do not group it again.
      if (node.tagName === 'div' && node.properties.dataTab !== undefined) return 'skip';
      regroup(node);
      return undefined;
    });
  };
}

function regroup(node: Root | Element): void {
  if (node.children.some((child) => tabOf(child) !== undefined)) node.children = groupRuns(node.children) as typeof node.children;
}

function tabOf(node: RootContent | ElementContent): { label: string; group: string } | undefined {
  if (node.type !== 'element') return undefined;
  const code = fencedCode(node);
  if (!code) return undefined;
  const meta = codeMeta(code);
  return meta.tab ? { label: meta.tab, group: meta.group || 'code' } : undefined;
}

/** Wraps each run of tabbed fences (only whitespace between them, same group) in a group. */
function groupRuns(children: Array<RootContent | ElementContent>): Array<RootContent | ElementContent> {
  const out: Array<RootContent | ElementContent> = [];
  let run: { group: string; panels: Element[] } | undefined;
  let pendingSpace: Array<RootContent | ElementContent> = [];
  const flush = () => {
    if (run) out.push(groupElement(run.group, run.panels));
    run = undefined;
    out.push(...pendingSpace);
    pendingSpace = [];
  };
  for (const child of children) {
    const tab = tabOf(child);
    if (tab) {
      if (run && run.group !== tab.group) flush();
      pendingSpace = [];
      run ??= { group: tab.group, panels: [] };
      run.panels.push(panelElement(tab.label, child as Element));
    } else if (run && child.type === 'text' && child.value.trim() === '') {
      pendingSpace.push(child);
    } else {
      flush();
      out.push(child);
    }
  }
  flush();
  return out;
}

export function groupElement(group: string, panels: Element[]): Element {
  return { type: 'element', tagName: 'div', properties: { className: ['code-group'], dataGroup: group }, children: panels };
}

export function panelElement(label: string, pre: Element): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['code-group-panel'], dataTab: label },
    children: [{ type: 'element', tagName: 'p', properties: { className: ['code-group-label'] }, children: [{ type: 'text', value: label }] }, pre],
  };
}
