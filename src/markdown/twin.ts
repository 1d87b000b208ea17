import type { Definition, Image, Link, Nodes, Root } from 'mdast';
import { twinUrl } from '../content/discover.ts';
import { resolveLink } from '../content/link-targets.ts';

/**
 * What a page's Markdown twin needs to know of the page: where it is, to resolve its links,
 * and what the page's URLs start with (see MarkdownPageData).
 */
export interface TwinPage {
  contentPath: string;
  base: string;
  pageBase?: string | undefined;
}

/**
 * The page as Markdown, for readers' agents (`/api/users.md` beside `/api/users/`): the
 * markdown as the processor saw it (frontmatter gone, placeholders resolved, includes
 * expanded, fences as written) with every link and image that leads into the site
 * rewritten to the URL it has there, pages' to their own twins. Links are rewritten in
 * the text, at the positions the parser gives, so everything else stays byte for byte
 * what the writer wrote: no round trip through a Markdown printer that would respell it.
 */
export function markdownTwin(text: string, tree: Root, page: TwinPage): string {
  const edits: Array<{ start: number; end: number; url: string }> = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const edit = destinationEdit(text, node, page);
      if (edit) edits.push(edit);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  let twin = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    if (edit.start < at) continue;
    twin += text.slice(at, edit.start) + edit.url;
    at = edit.end;
  }
  return twin + text.slice(at);
}

/** The written destination of a link, image or definition, and what it becomes in the twin; nothing for links out of the site. */
function destinationEdit(text: string, node: Link | Image | Definition, page: TwinPage): { start: number; end: number; url: string } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const at = destinationStart(text, node, start, end);
  if (at === undefined) return undefined;
  const written = readDestination(text, at, end);
  if (!written || written.value === '') return undefined;
  const { href, link } = resolveLink(written.value, page.contentPath, page.base, page.pageBase);
  if (link.kind === 'external' || link.kind === 'outside') return undefined;
  const url = link.kind === 'page' && !written.value.startsWith('#') ? twinHref(href, link.target, page) : href;
  return url === written.value ? undefined : { start: written.start, end: written.end, url };
}

/** A link to a page, as the HTML has it (`/docs/api/users/#list`) → to its twin (`/docs/api/users.md#list`). */
function twinHref(href: string, target: string, page: TwinPage): string {
  const pageBase = encodeURI(page.base) + (page.pageBase ?? page.base).slice(page.base.length);
  const pagePath = pageBase + encodeURI(target.slice(1));
  // resolveLink made the href the same way, then added the `?query` and `#fragment` as written.
  return href.startsWith(pagePath) ? pageBase + encodeURI(twinUrl(target).slice(1)) + href.slice(pagePath.length) : href;
}

/**
 * Where the destination begins: after `](` for an inline link or image (`[text](dest)`),
 * after `]:` for a definition (`[id]: dest`). A reference (`[text][id]`) has none of its
 * own: its definition is rewritten instead.
 */
function destinationStart(text: string, node: Link | Image | Definition, start: number, end: number): number | undefined {
  if (node.type === 'definition') {
    const colon = text.indexOf(']:', start);
    return colon === -1 || colon >= end ? undefined : colon + 2;
  }
  if (text[end - 1] !== ')') return undefined; // an autolink, a bare URL or a reference
  // The text's `]` is where the last child ends (an image's alt is raw text: its first `](`).
  const last = node.type === 'link' ? node.children.at(-1)?.position?.end.offset : undefined;
  const close = text.indexOf('](', last ?? start);
  return close === -1 || close >= end ? undefined : close + 2;
}

/** The destination as written from `at`: `<…>` or a run without spaces and with balanced parentheses. */
function readDestination(text: string, at: number, end: number): { start: number; end: number; value: string } | undefined {
  let i = at;
  while (i < end && /[ \t\n]/.test(text[i]!)) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    return close === -1 || close >= end ? undefined : { start: i + 1, end: close, value: text.slice(i + 1, close) };
  }
  let depth = 0;
  let j = i;
  for (; j < end; j++) {
    const c = text[j]!;
    if (c === '\\') {
      j++;
      continue;
    }
    if (/[ \t\n]/.test(c)) break;
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  return { start: i, end: j, value: text.slice(i, j) };
}
