import type { LinkTarget } from '../content/link-targets.ts';
import type { RuleId } from '../diagnostics/rules.ts';

/** A link found in a page, as the site-wide checks need it: where it leads, and where and how it was written. */
export interface CollectedLink extends LinkTarget {
  /** `img` for an image's `src`, `a` for a link's `href`. */
  element: 'a' | 'img';
  /** What the writer wrote, for messages. */
  written: string;
  /** Offset in the markdown the processor saw (after placeholders). */
  offset: number;
  /** Set on the frontmatter's `image:` (link previews' og:image), which is checked as an image of the page. */
  preview?: true;
}

export interface CollectedHeading {
  depth: number;
  id: string;
  text: string;
  offset: number;
}

/** A problem found by a markdown plugin, at an offset in the markdown it saw. */
export interface MarkdownProblem {
  offset: number;
  message: string;
  rule: RuleId;
  severity: 'error' | 'warning';
}

/** What the markdown pass needs to know about the page, and what it collects from it. */
export interface MarkdownPageData {
  /** The page's path inside content/ (`api/users.md`), to resolve relative links. */
  contentPath: string;
  /** The site base (`/` or `/docs/`), prefixed to every rewritten URL. */
  base: string;
  /** What a page's URL starts with: the base, and on a site with variants the mark the layout replaces with the variant's path. */
  pageBase?: string | undefined;
  links: CollectedLink[];
  headings: CollectedHeading[];
  /** Every element id in the page: where a `#fragment` may point. */
  anchors: string[];
  problems: MarkdownProblem[];
}

declare module 'vfile' {
  interface DataMap {
    page: MarkdownPageData;
  }
}
