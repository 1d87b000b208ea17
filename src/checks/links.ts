import leven from 'leven';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import type { RenderedPage } from '../render/page.ts';

export interface LinkCheckInput {
  pages: ReadonlyArray<Pick<RenderedPage, 'file' | 'url' | 'anchors' | 'links'>>;
  /** Output paths of the files copied from content/ (`images/flow.png`). */
  assets: ReadonlySet<string>;
  severity: Severity;
}

/**
 * Checks every internal link and #anchor against the whole page set. Runs after all
 * pages are rendered, because a link's target is usually another page.
 */
export function checkLinks(input: LinkCheckInput): Diagnostic[] {
  const anchorsByUrl = new Map(input.pages.map((page) => [page.url, anchorSet(page.anchors)]));
  const diagnostics: Diagnostic[] = [];
  const report = (page: { file: string }, link: { line: number; column: number }, message: string, rule: string) =>
    diagnostics.push({ file: page.file, line: link.line, column: link.column, severity: input.severity, message, rule });

  for (const page of input.pages) {
    for (const link of page.links) {
      if (link.kind === 'external') continue;
      if (link.kind === 'asset') {
        if (input.assets.has(link.target)) continue;
        if (link.element === 'img') report(page, link, `image "${link.written}" does not exist`, 'images/missing');
        else report(page, link, `link to a missing file "${link.written}"`, 'links/missing-file');
        continue;
      }
      const anchors = anchorsByUrl.get(link.target);
      if (!anchors) {
        const hint = suggest(link.target, [...anchorsByUrl.keys()]);
        report(page, link, `link to a missing page "${link.written}"${hint ? `; did you mean "${hint}"?` : ''}`, 'links/missing-page');
      } else if (link.anchor && !anchors.has(link.anchor)) {
        const hint = suggest(link.anchor, [...anchors]);
        report(page, link, `link to a missing anchor "#${link.anchor}" in "${link.written}"${hint ? `; did you mean "#${hint}"?` : ''}`, 'links/missing-anchor');
      }
    }
  }
  return diagnostics;
}

// Pages from the cache keep their arrays between dev rebuilds, so their sets are kept too.
const anchorSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function anchorSet(anchors: readonly string[]): ReadonlySet<string> {
  let set = anchorSets.get(anchors);
  if (!set) anchorSets.set(anchors, (set = new Set(anchors)));
  return set;
}

function suggest(wanted: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = leven(wanted, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
