import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitElements } from '../walk.ts';

const ENDPOINT = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)$/;

/**
 * HTTP-method badges for endpoint lines: inline code such as `` `GET /v1/users` ``, or a
 * paragraph that is nothing but `GET /v1/users`, becomes a coloured method badge and the
 * path in code. The text stays the same, so search and copy-paste see `GET /v1/users`:
 * the path's line-break points are `<wbr>` elements (after each run of slashes), which
 * add no text, so a long URL wraps at a slash on a phone rather than mid-word.
 */
export function rehypeEndpoints() {
  return (tree: Root) => {
    visitElements(tree, (node, index, parent) => {
      if (node.tagName === 'code' && parent?.type === 'element' && parent.tagName !== 'pre' && index !== undefined) {
        const match = ENDPOINT.exec(toString(node).trim());
        if (!match) return;
        parent.children.splice(index, 1, ...badge(match[1]!, match[2]!));
        addClass(parent, 'endpoint');
        return index + 3;
      }
      if (node.tagName === 'p' && node.children.length === 1 && node.children[0]!.type === 'text') {
        const match = ENDPOINT.exec(node.children[0]!.value.trim());
        if (!match) return;
        node.children = badge(match[1]!, match[2]!);
        addClass(node, 'endpoint');
        return 'skip';
      }
      return undefined;
    });
  };
}

function badge(method: string, path: string): ElementContent[] {
  return [
    { type: 'element', tagName: 'span', properties: { className: ['method', `method-${method.toLowerCase()}`] }, children: [{ type: 'text', value: method }] },
    { type: 'text', value: ' ' },
    { type: 'element', tagName: 'code', properties: { className: ['endpoint-path'] }, children: breakAfterSlashes(path) },
  ];
}

function breakAfterSlashes(path: string): ElementContent[] {
  const parts = path.split(/(?<=\/)(?=[^/])/);
  return parts.flatMap((part, i): ElementContent[] => {
    const text: ElementContent = { type: 'text', value: part };
    return i === 0 ? [text] : [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }, text];
  });
}

function addClass(node: Element, name: string): void {
  const current = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
  if (!current.includes(name)) node.properties.className = [...current, name];
}
