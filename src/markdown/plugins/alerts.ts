import type { Element, Root } from 'hast';
import { visitElements } from '../walk.ts';

/** GitHub's alert types and the titles they show. */
export const ALERT_TITLES = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' } as const;

const MARKER = /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;

/**
 * GitHub-style alerts: a blockquote whose first line is `[!NOTE]` (or TIP, IMPORTANT,
 * WARNING, CAUTION) becomes `div.callout.callout-note` with a title. Other blockquotes stay.
 */
export function rehypeAlerts() {
  return (tree: Root) => {
    visitElements(tree, (node) => {
      if (node.tagName !== 'blockquote') return;
      const first = node.children.find((child): child is Element => child.type === 'element');
      const text = first?.tagName === 'p' ? first.children[0] : undefined;
      if (!first || text?.type !== 'text') return;
      const match = MARKER.exec(text.value);
      if (!match) return;
      const type = match[1]!.toLowerCase() as keyof typeof ALERT_TITLES;
      text.value = text.value.slice(match[0].length);
      if (text.value === '') first.children.shift();
      // A lone marker line followed by a hard break leaves a leading <br>.
      const lead = first.children[0];
      if (lead?.type === 'element' && lead.tagName === 'br') first.children.shift();
      if (first.children.length === 0) node.children.splice(node.children.indexOf(first), 1);
      node.tagName = 'div';
      node.properties = { className: ['callout', `callout-${type}`], role: 'note' };
      node.children.unshift({ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: [{ type: 'text', value: ALERT_TITLES[type] }] });
    });
  };
}
