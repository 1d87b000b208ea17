import path from 'node:path/posix';
import { CONFIG_FILE, configKeyPosition } from '../config/load.ts';
import type { SiteConfig } from '../config/schema.ts';
import { CONTENT_DIR } from '../content/discover.ts';
import { resolveLink, safeDecode } from '../content/link-targets.ts';
import { closest } from '../diagnostics/closest.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { PageRecord } from '../render/page.ts';

/**
 * The config's `image` (every page's preview image), read from content/: a file that is
 * not there is reported as a missing image in a page is (`images/missing`, with the
 * `brokenLinks` severity and a did-you-mean), at the key; a file without `siteUrl` gets
 * a warning, since previews need an absolute address.
 */
export function checkConfigImage(input: { config: SiteConfig; configSource: string | undefined; assets: ReadonlySet<string> }): Diagnostic[] {
  const { config, configSource } = input;
  const written = config.image;
  if (written === undefined) return [];
  const { link } = resolveLink(written, 'index.md', config.base);
  if (link.kind === 'external') return [];
  const at = configKeyPosition(configSource, ['image']);
  const report = (severity: Diagnostic['severity'], message: string, rule: RuleId): Diagnostic[] => [{ file: CONFIG_FILE, ...at, severity, message, rule }];
  if (link.kind === 'outside') return report(config.brokenLinks, `image "${written}" is outside content/ (it leads to "${link.target}" from the site folder): only files in content/ are published; move it into content/`, 'images/outside-content');
  if (link.kind === 'asset' && input.assets.has(link.target)) return config.siteUrl ? [] : report('warning', needsSiteUrl(written), 'images/needs-site-url');
  // Written from content/: `images/card.png` and `/images/card.png` are the same file.
  const file = path.normalize(safeDecode(written.split(/[?#]/)[0]!)).replace(/^\/+/, '');
  const hint = closest(file, input.assets) ?? sameName(file, input.assets);
  return report(config.brokenLinks, `image "${written}" does not exist: there is no "${CONTENT_DIR}/${file}" (\`image\` is read from content/)${hint ? `; did you mean "${hint}"?` : ''}`, 'images/missing');
}

/**
 * Pages' own `image:` files on a site without `siteUrl`: a warning at each, since previews
 * need an absolute address. A file that is missing is the link check's error instead.
 */
export function checkPageImages(input: { pages: ReadonlyArray<Pick<PageRecord, 'file' | 'frontmatter' | 'links'>>; config: SiteConfig; assets: ReadonlySet<string> }): Diagnostic[] {
  if (input.config.siteUrl) return [];
  const found: Diagnostic[] = [];
  for (const page of input.pages) {
    if (page.frontmatter.image === undefined) continue;
    const link = page.links.find((l) => l.preview);
    if (link?.kind === 'asset' && input.assets.has(link.target)) found.push({ file: page.file, line: link.line, column: link.column, severity: 'warning', message: needsSiteUrl(link.written), rule: 'images/needs-site-url' });
  }
  return found;
}

function needsSiteUrl(written: string): string {
  return `image "${written}" is left out of link previews: og:image needs an absolute URL; set \`siteUrl\` in site.config.ts, or write the image as an absolute URL`;
}

/** A file of content/ with the same name, anywhere. */
function sameName(file: string, assets: ReadonlySet<string>): string | undefined {
  const name = path.basename(file).toLowerCase();
  for (const asset of assets) if (path.basename(asset).toLowerCase() === name) return asset;
  return undefined;
}
