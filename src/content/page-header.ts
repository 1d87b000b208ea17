import { normalizeSource } from './decode.ts';
import type { PageSource } from './discover.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { pageFrontmatterSchema } from './page-frontmatter.ts';
import { partialNames } from '../layout/dependencies.ts';

/**
 * What the build needs to know of a page before rendering it: which templates its
 * output depends on (for cache keys). Its title and sidebar entry are not guessed here:
 * they come from the rendered page. Problems are not reported here: rendering reports
 * them with their positions.
 */
export interface PageHeader {
  /** Path inside content/: `api/users.md`. */
  contentPath: string;
  /** URL without the base: `/api/users/`. */
  url: string;
  /** The layout template's name: `layout`, `wide`. */
  layout: string;
  /** Templates the body itself includes (`{% include "partials/note" %}`). */
  includes: string[];
}

export function readPageHeader(page: PageSource, source: string): PageHeader {
  const split = splitFrontmatter(normalizeSource(source));
  const data = split.ok ? pageFrontmatterSchema.safeParse(split.value.data) : undefined;
  const frontmatter = data?.success ? data.data : {};
  const body = split.ok ? split.value.body : '';
  return {
    contentPath: page.contentPath,
    url: page.url,
    layout: frontmatter.layout ?? 'layout',
    includes: frontmatter.templating === false ? [] : partialNames(body),
  };
}
