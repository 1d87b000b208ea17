import type { SiteConfig } from '../config/schema.ts';
import type { PageSource } from '../content/discover.ts';
import type { PageFrontmatter } from '../content/page-frontmatter.ts';

/** What placeholders and layouts see: `page` (frontmatter, url, merged metadata) and `site`. */
export function pageScope(frontmatter: PageFrontmatter, page: Pick<PageSource, 'url'>, config: SiteConfig) {
  return {
    page: {
      ...frontmatter,
      title: frontmatter.title ?? '',
      description: frontmatter.description ?? config.description,
      url: config.base + page.url.slice(1),
      metadata: { ...config.metadata, ...frontmatter.metadata },
    },
    site: { title: config.title, description: config.description, base: config.base, url: config.siteUrl ?? '', metadata: config.metadata },
  };
}
