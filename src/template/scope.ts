import type { SiteConfig } from '../config/schema.ts';
import { siteVariants, variantPrefix, type SiteVariant } from '../config/variants.ts';
import type { PageSource } from '../content/discover.ts';
import type { PageFrontmatter } from '../content/page-frontmatter.ts';

/**
 * What placeholders and layouts see: `page` (frontmatter, url, merged metadata) and `site`;
 * on a site with variants, `variant` (the one rendered, by default the default) and
 * `site.variants`. A variant's page is rendered with a config whose metadata is already
 * the variant's (see `variantConfig`).
 */
export function pageScope(frontmatter: PageFrontmatter, page: Pick<PageSource, 'url'>, config: SiteConfig, variant?: SiteVariant) {
  const variants = config.variants ? siteVariants(config).map(variantScope) : undefined;
  const current = variants && (variant ? variantScope(variant) : variants[0]);
  const prefix = variantPrefix(current);
  const url = config.base + prefix + page.url.slice(1);
  return {
    page: {
      ...frontmatter,
      title: frontmatter.title ?? '',
      description: frontmatter.description ?? config.description,
      url,
      // For search engines (with `siteUrl` set): the page's address, and whether to leave it
      // out (a preview variant's); a page's own frontmatter `canonical:` or `noindex:` wins.
      // Where the page's Markdown twin is (llms), for the theme's "Copy page".
      markdown_url: config.llms ? (url.endsWith('/') ? (page.url === '/' ? `${url}index.md` : `${url.slice(0, -1)}.md`) : '') : '',
      canonical: typeof frontmatter.canonical === 'string' ? frontmatter.canonical : config.siteUrl ? config.siteUrl.replace(/\/+$/, '') + encodeURI(url) : '',
      noindex: typeof frontmatter.noindex === 'boolean' ? frontmatter.noindex : current?.status === 'preview',
      metadata: { ...config.metadata, ...frontmatter.metadata },
    },
    // `home`: the variant's home page, where its search index and sidebar groups are too.
    site: { title: config.title, description: config.description, base: config.base, home: config.base + prefix, url: config.siteUrl ?? '', metadata: config.metadata, ...(variants && { variants }) },
    ...(current && { variant: current }),
  };
}

/** The config a variant's pages render with: its own metadata in place of the site's. */
export function variantConfig(config: SiteConfig, variant: SiteVariant): SiteConfig {
  return { ...config, metadata: variant.metadata };
}

function variantScope({ name, label, path, status, default: isDefault }: SiteVariant) {
  return { name, label, path, status, default: isDefault };
}
