import type { SiteConfig } from '../config/schema.ts';
import { CONFIG_FILE, configKeyPosition, navEntriesAt } from '../config/load.ts';
import { resolveLink } from '../content/link-targets.ts';
import { closest } from '../diagnostics/closest.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { configLink } from '../nav/sidebar.ts';

export interface NavLinkCheckInput {
  config: Pick<SiteConfig, 'nav' | 'brokenLinks'>;
  configSource: string | undefined;
  /** Every page's URL (`/api/users/`), of any variant. */
  pageUrls: ReadonlySet<string>;
  /** Every file in content/ that is not a page, by its path there (`img/flow.png`). */
  assets: ReadonlySet<string>;
}

/**
 * The links of a configured sidebar (`nav` in site.config.ts) that lead to no page or file:
 * at the entry's `link`, as broken links in pages are, so a typo there is not a dead
 * sidebar entry that only readers find.
 */
export function checkNavLinks(input: NavLinkCheckInput): Diagnostic[] {
  const { config, configSource } = input;
  const found: Diagnostic[] = [];
  const report = (at: string[], message: string, rule: 'links/missing-page' | 'links/missing-file') => {
    found.push({ file: CONFIG_FILE, ...configKeyPosition(configSource, at), severity: config.brokenLinks, message, rule });
  };
  for (const { item, at } of navEntriesAt(config.nav)) {
    if (item.link === undefined) continue;
    const { link } = resolveLink(configLink(item.link), 'index.md', '/');
    if (link.kind === 'page' && !input.pageUrls.has(link.target)) {
      const hint = closest(link.target, input.pageUrls);
      report([...at, 'link'], `sidebar entry "${item.text}" links to a missing page "${item.link}"${hint ? `; did you mean "${hint}"?` : ''}`, 'links/missing-page');
    } else if ((link.kind === 'asset' && !input.assets.has(link.target)) || link.kind === 'outside') {
      const hint = link.kind === 'asset' ? closest(link.target, input.assets) : undefined;
      report([...at, 'link'], `sidebar entry "${item.text}" links to a missing file "${item.link}" (links are read from content/)${hint ? `; did you mean "${hint}"?` : ''}`, 'links/missing-file');
    }
  }
  return found;
}
