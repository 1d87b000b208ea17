import { CONFIG_FILE, locateKey } from '../config/load.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/position.ts';

export interface UnusedMetadataInput {
  /** The site's metadata keys. */
  keys: readonly string[];
  /** Every variable path read anywhere: page bodies, layouts, partials (`page.metadata.x`, `site.metadata.y`). */
  used: Iterable<string>;
  /** The text of site.config.ts, to point at the key. */
  configSource: string | undefined;
}

/**
 * Metadata that no page or template reads is usually a leftover or a typo on one side
 * (`api_url` defined, `api_base_url` used): a warning at the key in site.config.ts.
 */
export function checkUnusedMetadata(input: UnusedMetadataInput): Diagnostic[] {
  const used = new Set<string>();
  let wholeObjectRead = false;
  for (const path of input.used) {
    const match = /^(?:page|site)\.metadata(?:\.([^.[\]]+))?/.exec(path);
    if (!match) continue;
    if (match[1] === undefined) wholeObjectRead = true; // `{% for pair in page.metadata %}` reads them all
    else used.add(match[1]);
  }
  if (wholeObjectRead || input.configSource === undefined) return [];
  const lines = new LineIndex(input.configSource);
  return input.keys
    .filter((key) => !used.has(key))
    .map((key) => ({
      file: CONFIG_FILE,
      ...lines.positionAt(locateKey(input.configSource!, ['metadata', key])),
      severity: 'warning' as const,
      message: `metadata key "${key}" is not used by any page or template`,
      rule: 'metadata/unused',
    }));
}
