import path from 'node:path/posix';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visitElements } from '../walk.ts';
import { pageUrl } from '../../content/discover.ts';
import type { CollectedLink } from '../page-data.ts';

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * Rewrites links written the way writers think of them, as paths between source
 * files (`./api/users.md#list-users`, `../images/flow.png`), into the URLs they have
 * in the built site, and records every link for the site-wide link check.
 */
export function rehypeRewriteLinks() {
  return (tree: Root, file: VFile) => {
    const page = file.data.page!;
    visitElements(tree, (node) => {
      const attribute = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
      const value = attribute && node.properties[attribute];
      if (typeof value !== 'string' || value === '') return;
      const offset = node.position?.start.offset ?? 0;
      const resolved = resolveLink(value, page.contentPath, page.base);
      node.properties[attribute!] = resolved.href;
      page.links.push({ ...resolved.link, element: node.tagName === 'img' ? 'img' : 'a', written: value, offset });
    });
  };
}

/** Resolves one written link against the page it is in. Pure, for testing. */
export function resolveLink(
  written: string,
  contentPath: string,
  base: string,
): { href: string; link: Omit<CollectedLink, 'element' | 'written' | 'offset'> } {
  if (SCHEME.test(written) || written.startsWith('//')) {
    return { href: written, link: { target: written, anchor: '', kind: 'external' } };
  }
  const hashAt = written.indexOf('#');
  const pathPart = hashAt === -1 ? written : written.slice(0, hashAt);
  const rawAnchor = hashAt === -1 ? '' : written.slice(hashAt + 1);
  const anchor = safeDecode(rawAnchor);
  const fragment = hashAt === -1 ? '' : `#${rawAnchor}`;
  const pathOnly = pathPart.split('?')[0]!;
  const query = pathPart.slice(pathOnly.length);

  if (pathOnly === '') {
    // `#anchor` alone: a heading on this very page.
    return { href: written, link: { target: pageUrl(contentPath), anchor, kind: 'page' } };
  }
  const decoded = safeDecode(pathOnly);
  // Site-absolute links (`/api/users/`) are relative to the site root, so gain the base.
  const fromRoot = (decoded.startsWith('/') ? path.normalize(decoded).slice(1) : path.join(path.dirname(contentPath), decoded)) || '.';
  if (fromRoot.startsWith('..')) {
    // Outside the site: leave it as written; the check reports it as a missing page.
    return { href: written, link: { target: `/${fromRoot}`, anchor, kind: 'page' } };
  }
  if (/\.md$/i.test(fromRoot)) {
    const url = pageUrl(fromRoot);
    return { href: encodeURI(base + url.slice(1)) + query + fragment, link: { target: url, anchor, kind: 'page' } };
  }
  const isDirectory = decoded.endsWith('/') || fromRoot === '.' || path.extname(fromRoot) === '';
  if (isDirectory) {
    const url = fromRoot === '.' ? '/' : `/${fromRoot.replace(/\/$/, '')}/`;
    return { href: encodeURI(base + url.slice(1)) + query + fragment, link: { target: url, anchor, kind: 'page' } };
  }
  return { href: encodeURI(base + fromRoot) + query + fragment, link: { target: fromRoot, anchor, kind: 'asset' } };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
