import path from 'node:path/posix';
import { CONTENT_DIR, pageUrl } from './discover.ts';

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Where a written link leads: what the markdown pass records, the sidebar links to and the link check looks up. */
export interface LinkTarget {
  /**
   * Target page URL path without base (`/api/users/`), or the asset path, for internal
   * links; for a link out of content/, the path it leads to from the site folder (`../README.md`).
   */
  target: string;
  /** The `#fragment`, decoded, without `#`; empty when none. */
  anchor: string;
  /** `page` for links to pages, `asset` for files in content/, `outside` for paths out of content/ (never published), `external` for other sites. */
  kind: 'page' | 'asset' | 'outside' | 'external';
}

/**
 * Resolves one link written the way writers think of them, as a path between source
 * files (`./api/users.md#list-users`, `../images/flow.png`), against the page it is in:
 * the URL it has in the built site, and where it leads. Pure, for testing. A page's URL
 * starts with `pageBase` (the base and the variant's mark, on a site with variants).
 */
export function resolveLink(written: string, contentPath: string, base: string, pageBase = base): { href: string; link: LinkTarget } {
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
  const place = locatePath(safeDecode(pathOnly), path.dirname(contentPath));
  if (place.kind === 'outside') {
    // Not published, so there is no URL to give it: left as written, and reported.
    return { href: written, link: { target: place.target, anchor, kind: 'outside' } };
  }
  const href = place.kind === 'page' ? encodeURI(base) + pageBase.slice(base.length) + encodeURI(place.target.slice(1)) : encodeURI(base + place.target);
  return { href: href + query + fragment, link: { target: place.target, anchor, kind: place.kind } };
}

/** Where a link's path leads: a page (its URL), a file in content/, or out of content/. */
export interface LinkPlace {
  kind: 'page' | 'asset' | 'outside';
  /** A page's URL (`/api/users/`), a file's path in content/ (`img/flow.png`), or, outside, the path from the site folder (`../README.md`). */
  target: string;
}

/**
 * Reads a link's path (decoded, without `?query` or `#fragment`) from a folder of
 * content/ (`guide` for content/guide/setup.md). The link check also reads it from
 * the page's URL, to recognise a link written as a browser would follow it.
 */
export function locatePath(decoded: string, fromDir: string): LinkPlace {
  // Site-absolute links (`/api/users/`) are relative to the site root (content/).
  const fromRoot = (decoded.startsWith('/') ? path.normalize(decoded).slice(1) : path.join(fromDir, decoded)) || '.';
  if (fromRoot === '..' || fromRoot.startsWith('../')) return { kind: 'outside', target: path.join(CONTENT_DIR, fromRoot) };
  // pageUrl is the one mapping from a source file to its URL (index.md → its folder).
  if (/\.md$/i.test(fromRoot)) return { kind: 'page', target: pageUrl(fromRoot) };
  const isDirectory = decoded.endsWith('/') || fromRoot === '.' || path.extname(fromRoot) === '';
  if (isDirectory) return { kind: 'page', target: fromRoot === '.' ? '/' : `/${fromRoot.replace(/\/$/, '')}/` };
  return { kind: 'asset', target: fromRoot };
}

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding (`100%`). */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
