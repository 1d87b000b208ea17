import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteNav } from '../nav/site-nav.ts';
import type { LinkIndex } from './link-index.ts';
import { CheckMemo, type ReachableAnswer } from './memo.ts';

export interface ReachableInput {
  pages: ReadonlyArray<{ file: string; url: string; links: ReadonlyArray<{ kind: string; target: string }> }>;
  sidebar: SiteNav;
}

/**
 * A page that neither the sidebar nor any page reachable from it links to can only
 * be found by search or by luck: a warning, since it may be deliberate (a landing page
 * for a campaign). The home page always counts as reachable.
 */
export function checkReachable(input: ReachableInput, memo = new CheckMemo()): Diagnostic[] {
  const index = memo.index.update(input.pages);
  // Most dev rebuilds change no page's links: then the answer is last time's.
  const targets = input.pages.map((page, i) => index.targetsOf(page.links, i));
  const known = memo.reachable;
  if (known && known.sidebar === input.sidebar && known.generation === index.generation && samePages(known, input.pages, targets)) {
    return known.diagnostics.map((d) => ({ ...d }));
  }
  const diagnostics = unreachable(input, index, targets);
  const files = input.pages.map((page) => page.file);
  memo.reachable = { sidebar: input.sidebar, generation: index.generation, files, targets, diagnostics: diagnostics.map((d) => ({ ...d })) };
  return diagnostics;
}

/**
 * Whether every page is the same file linking to the same pages as last time (a page's
 * links re-rendered unchanged give an equal array, not the same one).
 */
function samePages(known: ReachableAnswer, pages: ReachableInput['pages'], targets: readonly Int32Array[]): boolean {
  if (known.targets.length !== targets.length) return false;
  for (let page = 0; page < targets.length; page++) {
    if (known.files[page] !== pages[page]!.file) return false;
    const x = known.targets[page]!;
    const y = targets[page]!;
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

function unreachable(input: ReachableInput, index: LinkIndex, targets: readonly Int32Array[]): Diagnostic[] {
  const reached = new Uint8Array(input.pages.length);
  const queue = ['/', ...input.sidebar.readingOrder.map((item) => item.url)].flatMap((url) => index.pageOf(url) ?? []);
  while (queue.length > 0) {
    const page = queue.pop()!;
    if (reached[page]) continue;
    reached[page] = 1;
    for (const target of targets[page]!) if (target !== -1 && !reached[target]) queue.push(target);
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
