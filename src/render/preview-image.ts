import type { SiteConfig } from '../config/schema.ts';
import type { PageSource } from '../content/discover.ts';
import { frontmatterValueAt } from '../content/frontmatter.ts';
import { resolveLink } from '../content/link-targets.ts';
import type { CollectedLink } from '../markdown/page-data.ts';

/**
 * A page's frontmatter `image:` (link previews' `og:image`) as a link from the page, at
 * its value: read as a markdown image is, so the link check reports a missing file as
 * `images/missing` with a did-you-mean. An absolute URL is no link to check.
 */
export function previewImageLink(written: string | undefined, page: Pick<PageSource, 'contentPath'>, config: Pick<SiteConfig, 'base'>, yaml: string): (Omit<CollectedLink, 'offset'> & { line: number; column: number }) | undefined {
  if (written === undefined) return undefined;
  const { link } = resolveLink(written, page.contentPath, config.base);
  if (link.kind === 'external') return undefined;
  return { ...link, element: 'img', written, preview: true, ...frontmatterValueAt(yaml, 'image') };
}
