import { normalizeSource } from './decode.ts';
import type { PageSource } from './discover.ts';
import { frontmatterKeyLine, frontmatterListItems, splitFrontmatter } from './frontmatter.ts';
import { partialNames } from './includes.ts';
import { pageFrontmatterSchema } from './page-frontmatter.ts';

/**
 * What the build needs to know of a page before rendering it: which templates its
 * output depends on (for cache keys), and a guess at its title. The title a page shows is
 * the rendered one; the guess only lets the build lay pages out while others still
 * render, and a wrong guess costs a second layout pass, never a wrong sidebar. Problems
 * are not reported here: rendering reports them with their positions.
 */
export interface PageHeader {
  /** Path inside content/: `api/users.md`. */
  contentPath: string;
  /** URL without the base: `/api/users/`. */
  url: string;
  /** The frontmatter `title`, else the first level-1 heading's text as far as a scan of the source can tell. */
  titleGuess: string | undefined;
  /** Frontmatter `order`, for the guessed sidebar. */
  order: number | undefined;
  /** The layout template's name: `layout`, `wide`. */
  layout: string;
  /** Templates the body itself includes (`{% include "partials/note" %}`). */
  includes: string[];
  /** Frontmatter `variants`, when it has the key: the names, and where each is written. */
  variants?: { names: string[]; items: { text: string; line: number; column: number }[]; line: number } | undefined;
}

export function readPageHeader(page: PageSource, source: string): PageHeader {
  const split = splitFrontmatter(normalizeSource(source));
  const data = split.ok ? pageFrontmatterSchema.safeParse(split.value.data) : undefined;
  const frontmatter = data?.success ? data.data : {};
  const body = split.ok ? split.value.body : '';
  return {
    contentPath: page.contentPath,
    url: page.url,
    titleGuess: frontmatter.title ?? guessHeading(body),
    order: frontmatter.order,
    layout: frontmatter.layout ?? 'layout',
    includes: frontmatter.templating === false ? [] : partialNames(body),
    ...(frontmatter.variants !== undefined && split?.ok && {
      variants: { names: typeof frontmatter.variants === 'string' ? [frontmatter.variants] : frontmatter.variants, items: frontmatterListItems(split.value.yaml, 'variants'), line: frontmatterKeyLine(split.value.yaml, 'variants') },
    }),
  };
}

/**
 * The first level-1 heading (ATX or setext) outside fenced code, with the common inline
 * markup taken off. Liquid, HTML and anything rarer make it differ from the rendered
 * title; the build finds that out and lays the pages out again.
 */
function guessHeading(body: string): string | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const atx = /^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return plainText(atx[1] ?? '');
    if (/^ {0,3}=+[ \t]*$/.test(lines[i + 1] ?? '') && line.trim() !== '' && !/^ {0,3}([-*+]|\d+[.)]|>)[ \t]/.test(line)) return plainText(line);
  }
  return undefined;
}

function plainText(markdown: string): string {
  return markdown
    .replace(/[ \t]*\{#[^\s{}]+\}[ \t]*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`+)(.+?)\1/g, '$2')
    .trim();
}
