/**
 * Titles for what has none of its own: a folder without an index page, a page with
 * neither a frontmatter `title` nor a level-1 heading.
 */

/** `getting-started` → `Getting started`; short names are taken for acronyms: `api` → `API`. */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  if (/^[a-z]{2,3}$/i.test(words)) return words.toUpperCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A page's title from its file name: `guide/getting-started.md` → `Getting started`; an
 * index page (`index.md`, `README.md`) is named after its folder; the home page has no
 * name of its own (`undefined`: the caller uses the site's title).
 */
export function titleFromPath(contentPath: string): string | undefined {
  const parts = contentPath.replace(/\.md$/i, '').split('/');
  if (isIndexName(parts[parts.length - 1]!)) parts.pop();
  const name = parts.pop();
  return name === undefined ? undefined : titleFromName(name);
}

/** `index` and `README` (GitHub shows a folder's README as its page) name a folder's own page. */
export function isIndexName(name: string): boolean {
  return name === 'index' || name.toLowerCase() === 'readme';
}
