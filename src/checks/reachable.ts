import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { siteReadingOrder } from '../nav/page-nav.ts';
import type { NavItem } from '../nav/sidebar.ts';

export interface ReachableInput {
  pages: ReadonlyArray<{ file: string; url: string; links: ReadonlyArray<{ kind: string; target: string }> }>;
  sidebar: readonly NavItem[];
}

/**
 * A page that neither the sidebar nor any page reachable from it links to can only
 * be found by search or by luck: a warning, since it may be deliberate (a landing page
 * for a campaign). The home page always counts as reachable.
 */
export function checkReachable(input: ReachableInput): Diagnostic[] {
  const byUrl = new Map(input.pages.map((page) => [page.url, page]));
  const reached = new Set<string>();
  const queue = ['/', ...siteReadingOrder(input.sidebar).map((item) => item.url)].filter((url) => byUrl.has(url));
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (reached.has(url)) continue;
    reached.add(url);
    for (const link of byUrl.get(url)!.links) if (link.kind === 'page' && byUrl.has(link.target) && !reached.has(link.target)) queue.push(link.target);
  }
  return input.pages
    .filter((page) => !reached.has(page.url))
    .map((page) => ({
      file: page.file,
      line: 1,
      column: 1,
      severity: 'warning' as const,
      message: `page "${page.url}" cannot be reached from the navigation: add it to \`nav\` in site.config.ts or link to it`,
      rule: 'nav/unreachable',
    }));
}
