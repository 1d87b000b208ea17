import { checkLinks } from '../checks/links.ts';
import type { CheckMemo } from '../checks/memo.ts';
import { checkUnusedMetadata, type PlaceholderUse } from '../checks/metadata.ts';
export { PlaceholderUse } from '../checks/metadata.ts';
import { checkPageImages } from '../checks/preview-images.ts';
export { checkConfigImage } from '../checks/preview-images.ts';
export { checkNavLinks } from '../checks/nav-links.ts';
import { checkReachable } from '../checks/reachable.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteNav } from '../nav/site-nav.ts';
import type { PageRecord } from '../render/page.ts';

export interface SiteCheckInput {
  /** The pages of one variant (of the site, without variants). */
  pages: readonly PageRecord[];
  /** Output paths of the copied assets, which links may point at. */
  assetPaths: ReadonlySet<string>;
  config: SiteConfig;
  nav: SiteNav;
  /** On a site with variants, the URLs of pages that other variants have and this one lacks. */
  elsewhere?: ReadonlySet<string> | undefined;
  /** The variant's memo of pages, anchors and answers, updated for what changed since the last run. */
  memo: CheckMemo;
}

/** The site-wide checks phase, per variant: over what rendering collected, never the HTML. */
export function checkSite(input: SiteCheckInput): Diagnostic[] {
  const { pages, config, memo } = input;
  return [
    ...checkLinks({ pages, assets: input.assetPaths, landingUrls: input.nav.landingUrls, elsewhere: input.elsewhere, severity: config.brokenLinks }, memo),
    ...checkReachable({ pages, sidebar: input.nav }, memo),
    ...checkPageImages({ pages, config, assets: input.assetPaths }),
  ];
}

/** The site's metadata keys no page of any variant, and no template, reads. */
export function checkMetadata(input: { pages: readonly PageRecord[]; config: SiteConfig; configSource: string | undefined; templateVariables: readonly string[]; use: PlaceholderUse }): Diagnostic[] {
  const used = new Set(input.templateVariables);
  for (const placeholder of input.use.update(input.pages)) used.add(placeholder);
  return checkUnusedMetadata({ keys: Object.keys(input.config.metadata), used, configSource: input.configSource });
}
