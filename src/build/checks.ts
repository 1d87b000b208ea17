import { checkLinks } from '../checks/links.ts';
import type { CheckMemo } from '../checks/memo.ts';
import { checkUnusedMetadata } from '../checks/metadata.ts';
import { checkReachable } from '../checks/reachable.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteNav } from '../nav/site-nav.ts';
import type { PageRecord } from '../render/page.ts';

export interface SiteCheckInput {
  pages: readonly PageRecord[];
  /** Output paths of the copied assets, which links may point at. */
  assetPaths: ReadonlySet<string>;
  config: SiteConfig;
  configSource: string | undefined;
  /** Variables the templates read. */
  templateVariables: readonly string[];
  nav: SiteNav;
  /** The session's memo of pages, anchors and answers, updated for what changed since the last run. */
  memo: CheckMemo;
}

/** The site-wide checks phase: over what rendering collected, never the HTML. */
export function checkSite(input: SiteCheckInput): Diagnostic[] {
  const { pages, config, memo } = input;
  const used = new Set(input.templateVariables);
  for (const page of pages) for (const placeholder of page.placeholders) used.add(placeholder);
  return [
    ...checkLinks({ pages, assets: input.assetPaths, landingUrls: input.nav.landingUrls, severity: config.brokenLinks }, memo),
    ...checkUnusedMetadata({ keys: Object.keys(config.metadata), used, configSource: input.configSource }),
    ...checkReachable({ pages, sidebar: input.nav }, memo),
  ];
}
