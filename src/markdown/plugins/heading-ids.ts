import type { Heading, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * `{#id}` at the end of a heading, then at most `.class` / `key=value` words, which we drop
 * (Pandoc and Hugo allow them; VitePress, Docusaurus and MkDocs write the id alone).
 */
const CUSTOM_ID = /[ \t]*\{#([^\s{}]+)((?:[ \t]+[^\s{}]+)*)[ \t]*\}$/;

/**
 * Custom heading ids, as VitePress, Docusaurus, Hugo, MkDocs and Pandoc write them:
 * `## Set up {#setup}` gets `id="setup"`, and the suffix leaves the heading's text (so the
 * TOC, the anchor list the link check reads and search never see it). rehype-slug keeps
 * an id that is already there. Braces without `#` stay: `## GET /users/{id}`. Only
 * what is written in the source counts: an escaped `\{#id}` stays text.
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    if (!source.includes('{#')) return;
    const problems = file.data.page?.problems;
    visitHeadings(tree, (heading) => {
      const last = heading.children[heading.children.length - 1];
      const end = last?.position?.end.offset;
      if (last?.type !== 'text' || end === undefined) return;
      const match = CUSTOM_ID.exec(last.value);
      if (!match) return;
      const suffix = last.value.slice(match.index);
      // The same characters in the source (no escape, no entity): the writer wrote the braces.
      if (source.slice(end - suffix.length, end) !== suffix) return;
      const braceOffset = end - suffix.length + suffix.indexOf('{');
      if (source[braceOffset - 1] === '\\') return;
      last.value = last.value.slice(0, match.index);
      if (last.value === '') heading.children.pop();
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: match[1]! } };
      const extra = match[2]!.trim();
      if (extra) {
        problems?.push({
          offset: braceOffset,
          severity: 'warning',
          rule: 'markdown/heading-attributes',
          message: `only the id of "${suffix.trim()}" is used: headings take no classes or attributes ("${extra}" was left out); write "{#${match[1]}}"`,
        });
      }
    });
  };
}

/** Headings anywhere blocks can be: the top level, lists, quotes, containers, footnotes. */
function visitHeadings(node: Nodes, visit: (heading: Heading) => void): void {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if (child.type === 'heading') visit(child);
    else if (child.type !== 'paragraph' && child.type !== 'table') visitHeadings(child, visit);
  }
}
