import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { PageRecord } from '../render/page.ts';
import { CONTENT_DIR } from '../content/discover.ts';
import { closest } from '../diagnostics/closest.ts';
import { LinkHints, type LinkHint } from './link-hints.ts';
import { CheckMemo } from './memo.ts';

export interface LinkCheckInput {
  pages: ReadonlyArray<Pick<PageRecord, 'file' | 'url' | 'anchors' | 'links'>>;
  /** Output paths of the files copied from content/ (`images/flow.png`). */
  assets: ReadonlySet<string>;
  /** URLs of the folders' generated landing pages (`/api/`): pages with no source, and no anchors but the top. */
  landingUrls?: ReadonlySet<string> | undefined;
  /** On a site with variants, the URLs of pages that other variants have and this one lacks. */
  elsewhere?: ReadonlySet<string> | undefined;
  severity: Severity;
}

/**
 * Checks every internal link and #anchor against the whole page set. Runs after all
 * pages are rendered, because a link's target is usually another page.
 *
 * With a `CheckMemo` kept between runs (the dev server), a page whose links and whose
 * targets' anchors are the same arrays as last time gets last time's answer.
 */
export function checkLinks(input: LinkCheckInput, memo = new CheckMemo()): Diagnostic[] {
  const index = memo.index.update(input.pages);
  const anchorLists = input.pages.map((page) => page.anchors);
  const found = new Array<Diagnostic[]>(input.pages.length);
  // Two passes, so that the loop over every page always takes the same path: a dev
  // rebuild re-checks one page or two, and a branch first taken in the middle of a
  // 4000-page loop can make V8 drop the loop's compiled code (a first save's check took
  // 61 ms here, later ones 7-17 ms).
  const stale: number[] = [];
  input.pages.forEach((page, i) => {
    const known = memo.linkAnswer(i, page.links);
    // A page with a broken link is checked again when pages come or go: its did-you-mean may change.
    const fresh = known !== undefined && (known.generation === index.generation || known.diagnostics.length === 0) && known.severity === input.severity && known.assets === input.assets && known.landingUrls === input.landingUrls && known.elsewhere === input.elsewhere && sameTargetAnchors(known.anchors, index.targetsOf(page.links, i), anchorLists);
    if (fresh) found[i] = known.diagnostics;
    else stale.push(i);
  });
  const hints = new LinkHints({ pages: input.pages, assets: input.assets, index });
  for (const i of stale) {
    const page = input.pages[i]!;
    const targets = index.targetsOf(page.links, i);
    found[i] = checkPage(page, targets, anchorLists, input, hints, memo);
    memo.rememberLinkAnswer(i, page.links, { generation: index.generation, severity: input.severity, assets: input.assets, landingUrls: input.landingUrls, elsewhere: input.elsewhere, anchors: Array.from(targets, (t) => (t === -1 ? undefined : anchorLists[t])), diagnostics: found[i] });
  }
  return found.flat();
}

function sameTargetAnchors(known: Array<readonly string[] | undefined>, targets: Int32Array, anchorLists: ReadonlyArray<readonly string[]>): boolean {
  if (known.length !== targets.length) return false;
  for (let i = 0; i < targets.length; i++) if (known[i] !== (targets[i] === -1 ? undefined : anchorLists[targets[i]!])) return false;
  return true;
}

function checkPage(page: LinkCheckInput['pages'][number], targets: Int32Array, anchorLists: ReadonlyArray<readonly string[]>, input: LinkCheckInput, hints: LinkHints, memo: CheckMemo): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (link: { line: number; column: number }, message: string, rule: RuleId) =>
    diagnostics.push({ file: page.file, line: link.line, column: link.column, severity: input.severity, message, rule });
  page.links.forEach((link, i) => {
    if (link.kind === 'external') return;
    if (link.kind === 'asset' && input.assets.has(link.target)) return;
    const target = targets[i]!;
    if (link.kind === 'page' && target !== -1) {
      const anchors = memo.anchorSet(anchorLists[target]!);
      if (link.anchor && !anchors.has(link.anchor)) {
        const hint = closest(link.anchor, anchors);
        report(link, `link to a missing anchor "#${link.anchor}" in "${link.written}"${hint ? `; did you mean "#${hint}"?` : ''}`, 'links/missing-anchor');
      }
      return;
    }
    if (link.kind === 'page' && input.landingUrls?.has(link.target)) {
      if (link.anchor) report(link, `link to a missing anchor "#${link.anchor}" in "${link.written}": it leads to a folder's generated page, which lists its pages and has no headings`, 'links/missing-anchor');
      return;
    }
    if (link.kind === 'page' && input.elsewhere?.has(link.target)) {
      // The variant named when the build merges what each variant found (one report per link).
      report(link, `link to "${link.written}", which is not in this variant`, 'links/missing-in-variant');
      return;
    }
    const broken = brokenLink(link, hints.forBroken(page, link));
    report(link, broken.message, broken.rule);
  });
  return diagnostics;
}

/**
 * The report for a link that leads nowhere: what is wrong, where the link led when that
 * is not plain from what was written, and the likely fix. A hint's reason, when it has
 * one, says why the link did not work better than where it led.
 */
function brokenLink(link: LinkCheckInput['pages'][number]['links'][number], hint: LinkHint | undefined): { message: string; rule: RuleId } {
  const image = link.element === 'img';
  const didYouMean = hint ? `; did you mean "${hint.suggestion}"?` : '';
  if (link.kind === 'outside') {
    const problem = image ? `image "${link.written}" is outside content/` : `link to "${link.written}" leaves content/`;
    const fix = hint ? didYouMean : image ? '; move it into content/' : '; link to its web address instead, or move it into content/';
    const detail = hint?.reason ? `: ${hint.reason}` : ` (it leads to "${link.target}" from the site folder): only files in content/ are published`;
    return { message: problem + detail + fix, rule: image ? 'images/outside-content' : 'links/outside-content' };
  }
  if (link.kind === 'asset') {
    const problem = image ? `image "${link.written}" does not exist` : `link to a missing file "${link.written}"`;
    const fromRoot = link.written.startsWith('/') ? ' (a path starting with "/" starts at content/)' : '';
    const detail = hint?.reason ?? `there is no "${CONTENT_DIR}/${link.target}"${fromRoot}`;
    return { message: `${problem}: ${detail}${didYouMean}`, rule: image ? 'images/missing' : 'links/missing-file' };
  }
  return { message: `link to a missing page "${link.written}"${hint?.reason ? `: ${hint.reason}` : ''}${didYouMean}`, rule: 'links/missing-page' };
}
