import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { siteReadingOrder } from '../nav/page-nav.ts';
import type { NavItem } from '../nav/sidebar.ts';
import { LinkIndex } from './link-index.ts';

export interface ReachableInput {
  pages: ReadonlyArray<{ file: string; url: string; links: ReadonlyArray<{ kind: string; target: string }> }>;
  sidebar: readonly NavItem[];
}

/**
 * A page that neither the sidebar nor any page reachable from it links to can only
 * be found by search or by luck: a warning, since it may be deliberate (a landing page
 * for a campaign). The home page always counts as reachable.
 */
export function checkReachable(input: ReachableInput, index = new LinkIndex()): Diagnostic[] {
  index.update(input.pages);
  const reached = new Uint8Array(input.pages.length);
  const queue = ['/', ...siteReadingOrder(input.sidebar).map((item) => item.url)].flatMap((url) => index.pageOf(url) ?? []);
  while (queue.length > 0) {
    const page = queue.pop()!;
    if (reached[page]) continue;
    reached[page] = 1;
    for (const target of index.targetsOf(input.pages[page]!.links)) if (target !== -1 && !reached[target]) queue.push(target);
  }
  return input.pages
    .filter((_, page) => !reached[page])
    .map((page) => ({
      file: page.file,
      line: 1,
      column: 1,
      severity: 'warning' as const,
      message: `page "${page.url}" cannot be reached from the navigation: add it to \`nav\` in site.config.ts or link to it`,
      rule: 'nav/unreachable',
    }));
}
