import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import type { SiteNav } from '../nav/site-nav.ts';
import { LinkIndex } from './link-index.ts';

/** checkLinks' last answer for one page's links, with what it was worked out from. */
export interface LinkAnswer {
  generation: number;
  severity: Severity;
  assets: ReadonlySet<string>;
  landingUrls: ReadonlySet<string> | undefined;
  elsewhere: ReadonlySet<string> | undefined;
  /** The anchor arrays of the link targets then, by identity. */
  anchors: Array<readonly string[] | undefined>;
  diagnostics: Diagnostic[];
}

/** checkReachable's last answer, with what it was worked out from. */
export interface ReachableAnswer {
  sidebar: SiteNav;
  generation: number;
  files: string[];
  targets: Int32Array[];
  diagnostics: Diagnostic[];
}

/**
 * What the site-wide checks remember between the runs of one build session (the dev
 * server keeps one for as long as it runs): the link index, and each check's last answers.
 * Nothing of it is shared with another session, so two builds in one process never see
 * each other's pages.
 */
export class CheckMemo {
  readonly index = new LinkIndex();
  /** Last answers by a page's link array: pages from the cache keep their arrays between dev rebuilds. */
  private readonly links = new WeakMap<object, LinkAnswer>();
  /** The last answer by page number, with its link array: looked up before the weak map, which costs more. */
  private readonly answers: Array<{ links: object; answer: LinkAnswer } | undefined> = [];
  reachable: ReachableAnswer | undefined;
  private readonly anchorSets = new WeakMap<readonly string[], ReadonlySet<string>>();

  /** The last answer for these links (of the page with this number now). */
  linkAnswer(page: number, links: object): LinkAnswer | undefined {
    const atPage = this.answers[page];
    return atPage !== undefined && atPage.links === links ? atPage.answer : this.links.get(links);
  }

  rememberLinkAnswer(page: number, links: object, answer: LinkAnswer): void {
    this.links.set(links, answer);
    this.answers[page] = { links, answer };
  }

  /** A page's anchors as a set, made once per anchor array (which a cached page keeps between rebuilds). */
  anchorSet(anchors: readonly string[]): ReadonlySet<string> {
    let set = this.anchorSets.get(anchors);
    if (!set) this.anchorSets.set(anchors, (set = new Set(anchors)));
    return set;
  }
}
