import { checkLinks } from '../checks/links.ts';
import type { LinkIndex } from '../checks/link-index.ts';
import { checkUnusedMetadata } from '../checks/metadata.ts';
import { checkReachable } from '../checks/reachable.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { NavItem } from '../nav/sidebar.ts';
import type { PageRecord } from '../render/page.ts';

export interface SiteCheckInput {
  pages: readonly PageRecord[];
  /** Output paths of the copied assets, which links may point at. */
  assetPaths: ReadonlySet<string>;
  config: SiteConfig;
  configSource: string | undefined;
  /** Variables the templates read. */
  templateVariables: readonly string[];
  nav: NavItem[];
  /** The session's index of pages and anchors, updated for what changed since the last run. */
  links: LinkIndex;
}

/** The site-wide checks phase: over what rendering collected, never the HTML. */
export function checkSite(input: SiteCheckInput): Diagnostic[] {
  const { pages, config, links } = input;
  const used = new Set(input.templateVariables);
  for (const page of pages) for (const placeholder of page.placeholders) used.add(placeholder);
  return [
    ...checkLinks({ pages, assets: input.assetPaths, severity: config.brokenLinks }, links),
    ...checkUnusedMetadata({ keys: Object.keys(config.metadata), used, configSource: input.configSource }),
    ...checkReachable({ pages, sidebar: input.nav }, links),
  ];
}
