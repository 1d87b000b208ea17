import type { SiteConfig } from '../config/schema.ts';
import { siteVariants, variantPrefix, type SiteVariant } from '../config/variants.ts';
import { CONTENT_DIR, twinUrl, type PageSource } from '../content/discover.ts';
import { resolveLink } from '../content/link-targets.ts';
import type { PageFrontmatter } from '../content/page-frontmatter.ts';
import { PACKAGE_VERSION } from '../runtime.ts';

/**
 * What placeholders and layouts see: `page` (frontmatter, url, merged metadata, the edit
 * link and preview image) and `site`; on a site with variants, `variant` (the one
 * rendered, by default the default) and `site.variants`. A variant's page is rendered
 * with a config whose metadata is already the variant's (see `variantConfig`). A page
 * made from no source file (a landing page, 404.html) has no `file`.
 */
export function pageScope(frontmatter: PageFrontmatter, page: Pick<PageSource, 'url'> & { file?: string | undefined }, config: SiteConfig, variant?: SiteVariant) {
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
      // Where the page's Markdown twin is (llms), for the theme's "Copy page".
      markdown_url: config.llms && page.url.endsWith('/') ? config.base + prefix + twinUrl(page.url).slice(1) : '',
      // For search engines (with `siteUrl` set): the page's address, and whether to leave it
      // out (a preview variant's); a page's own frontmatter `canonical:` or `noindex:` wins.
      canonical: typeof frontmatter.canonical === 'string' ? frontmatter.canonical : config.siteUrl ? config.siteUrl.replace(/\/+$/, '') + encodeURI(url) : '',
      noindex: typeof frontmatter.noindex === 'boolean' ? frontmatter.noindex : current?.status === 'preview',
      metadata: { ...config.metadata, ...frontmatter.metadata },
      editUrl: editUrl(frontmatter, page.file, config),
      editText: config.editLink?.text ?? '',
      imageUrl: previewImage(frontmatter, page.file, config),
    },
    // `home`: the variant's home page, where its search index and sidebar groups are too.
    site: { title: config.title, description: config.description, base: config.base, home: config.base + prefix, url: config.siteUrl ?? '', generator: `docsmith ${PACKAGE_VERSION}`, metadata: config.metadata, ...(variants && { variants }) },
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

/** The page's "Edit this page" address: the config's pattern with its source path (`content/api/users.md`) for `:path`. */
function editUrl(frontmatter: PageFrontmatter, file: string | undefined, config: SiteConfig): string | null {
  if (!config.editLink || frontmatter.editLink === false || file === undefined) return null;
  return config.editLink.pattern.replaceAll(':path', file.split('/').map(encodeURIComponent).join('/'));
}

/**
 * The image link previews show (`og:image`), as an absolute URL, or `null`: the page's
 * `image:` (read from the page, as a markdown image is), else the config's (from
 * content/). A file in content/ has an absolute address only with `siteUrl`; a path that
 * leads to no file has none, and is reported by the checks (`previewImageLink`,
 * `checkConfigImage`).
 */
function previewImage(frontmatter: PageFrontmatter, file: string | undefined, config: SiteConfig): string | null {
  const own = frontmatter.image !== undefined && file !== undefined;
  const written = own ? frontmatter.image : config.image;
  if (written === undefined) return null;
  const { href, link } = resolveLink(written, own ? file.slice(CONTENT_DIR.length + 1) : 'index.md', config.base);
  if (link.kind === 'external') return href;
  return link.kind === 'asset' && config.siteUrl ? config.siteUrl.replace(/\/+$/, '') + href : null;
}

const COMMIT_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * What layouts see of a page's last commit: `lastUpdated` (ISO 8601, for `<time datetime>`)
 * and `lastUpdatedText` (`March 14, 2026`), both `null` when it has none. In UTC, so the
 * same commit reads the same wherever the site is built.
 */
export function lastUpdatedScope(time: number | undefined): { lastUpdated: string | null; lastUpdatedText: string | null } {
  if (time === undefined) return { lastUpdated: null, lastUpdatedText: null };
  const date = new Date(time * 1000);
  return { lastUpdated: date.toISOString().replace(/\.\d{3}Z$/, 'Z'), lastUpdatedText: COMMIT_DATE.format(date) };
}
