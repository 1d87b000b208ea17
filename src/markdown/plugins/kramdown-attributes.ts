import type { Nodes, Parent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { MarkdownProblem } from '../page-data.ts';

// One attribute of a kramdown attribute list: `.class`, `#id`, `key="value"`, or a reference name (`toc`).
const ATTRIBUTE = String.raw`(?:[.#][\w-]+|[A-Za-z][\w-]*(?:=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+))?)`;
/**
 * Kramdown's inline attribute lists (`{: .note}`, `{:toc}`, `{: #id}`) and its extensions
 * (`{::comment}`, `{:/comment}`). Strict about what is inside, so that prose such as
 * `{:key => 1}` is not taken for one.
 */
const KRAMDOWN = new RegExp(String.raw`\{:(?:[ \t]*(?:${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*)?[ \t]*|:[A-Za-z]\w*[^}\n]*|\/\w*)\}`, 'g');

/**
 * Kramdown (Jekyll's markdown) attribute lists are not markdown we support: each gets a
 * warning at its position naming what to write instead, and leaves the page (a reader
 * should not see `{: .note}`). `{:toc}` takes the one-item list it marks (`* TOC`) with it.
 * Pages without `{:` skip the walk.
 */
export function remarkKramdownAttributes() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    if (!source.includes('{:')) return;
    const problems = file.data.page?.problems ?? [];
    walk(tree, [], source, problems);
  };
}

function walk(node: Nodes, ancestors: Parent[], source: string, problems: MarkdownProblem[]): void {
  if (!('children' in node)) return;
  const path = [...ancestors, node];
  // Over a copy: a child may be removed.
  for (const child of [...node.children]) {
    if (child.type === 'text') strip(child, path, source, problems);
    else walk(child, path, source, problems);
  }
}

function strip(text: Text, path: Parent[], source: string, problems: MarkdownProblem[]): void {
  const found = [...text.value.matchAll(KRAMDOWN)];
  if (found.length === 0) return;
  const start = text.position?.start.offset ?? 0;
  const end = text.position?.end.offset ?? start;
  // Where each one is in the source: the same text, found in the node's span.
  const written = [...source.slice(start, end).matchAll(KRAMDOWN)];
  const toc = found.some((match) => TOC.test(match[0])) && marksList(path);
  for (const [index, match] of found.entries()) {
    const offset = written.length === found.length ? start + written[index]!.index : start;
    problems.push({ offset, severity: 'warning', rule: 'markdown/kramdown-attributes', message: message(match[0], toc) });
  }
  // A list on a line of its own goes with its line; one in running text with its spaces.
  text.value = text.value
    .replace(new RegExp(String.raw`(^|\n)[ \t]*(?:${KRAMDOWN.source}[ \t]*)+(?=\n|$)`, 'g'), '$1')
    .replace(new RegExp(String.raw`[ \t]*${KRAMDOWN.source}`, 'g'), '')
    .replace(/\n+$/, '')
    .replace(/^\n+/, '');
  prune(text, path, toc);
}

/** Whether the text is in the only paragraph of a one-item list (kramdown's `* TOC`). */
function marksList(path: Parent[]): boolean {
  const [list, item, paragraph] = path.slice(-3);
  return path.length >= 4 && list?.type === 'list' && list.children.length === 1 && item?.type === 'listItem' && item.children.length === 1 && paragraph?.type === 'paragraph';
}

/** Drops what the removal left empty: the text, its paragraph; for `{:toc}`, the one-item list it marks. */
function prune(text: Text, path: Parent[], toc: boolean): void {
  const parent = path[path.length - 1]!;
  if (text.value === '') parent.children.splice(parent.children.indexOf(text as never), 1);
  if (toc) {
    removeChild(path[path.length - 4]!, path[path.length - 3]!);
    return;
  }
  if (parent.type === 'paragraph' && parent.children.length === 0) removeChild(path[path.length - 2]!, parent);
}

function removeChild(parent: Parent, child: Parent): void {
  const index = parent.children.indexOf(child as never);
  if (index >= 0) parent.children.splice(index, 1);
}

const TOC = /^\{:[ \t]*toc[ \t]*\}$/;

function message(written: string, withList: boolean): string {
  const lead = written.startsWith('{::') || written.startsWith('{:/') ? `kramdown extension "${written}"` : `kramdown attribute list "${written}"`;
  const hints: string[] = [];
  if (TOC.test(written)) hints.push('the built-in layout lists the page\'s sections under "On this page"');
  if (/#[\w-]/.test(written)) hints.push('to give a heading an id, end the heading with "{#id}"');
  if (/(?:^|[\s:])\.[\w-]/.test(written)) hints.push('for a note or warning, write a "> [!NOTE]" callout');
  if (/^\{::comment/.test(written)) hints.push('for a comment, write <!-- … -->');
  const what = withList && TOC.test(written) ? `${lead} is not supported and was left out with the list it marks` : `${lead} is not supported and was left out`;
  return `${what}${hints.length > 0 ? `; ${hints.join('; ')}` : ''}`;
}
