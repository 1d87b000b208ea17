// Partial names are always quoted literals (template/confine.ts refuses anything else), so
// a scan of the text finds every template a page or a template can pull in: a page's
// header knows its includes before anything is rendered, for its cache key.
const PARTIAL_TAG = /\{%-?\s*(?:include|render|layout)\s+(["'])([^"']+)\1/g;

/** Template names (`partials/note.liquid`) included by a template or page body. */
export function partialNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PARTIAL_TAG)) names.add(`${match[2]}.liquid`);
  return [...names].sort();
}
