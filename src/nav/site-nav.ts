import type { SiteConfig } from '../config/schema.ts';
import type { PageSource } from '../content/discover.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { pageFrontmatterSchema } from '../content/page-frontmatter.ts';
import { sidebarFromConfig, sidebarFromPages, type NavItem, type NavPage } from './sidebar.ts';

/**
 * What the sidebar needs from a page, read from its source before any page is rendered
 * (the sidebar of every page lists every other). Frontmatter problems are not reported
 * here: rendering the page reports them with their positions.
 */
export function navPage(page: PageSource, source: string): NavPage {
  const split = splitFrontmatter(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const data = split.ok ? pageFrontmatterSchema.safeParse(split.value.data) : undefined;
  const frontmatter = data?.success ? data.data : {};
  // The same fallbacks as the rendered title: frontmatter, then the first `# heading`, then the path.
  const heading = split.ok ? /^# +(.+?)(?: +#+)? *$/m.exec(split.value.body)?.[1] : undefined;
  const title = frontmatter.title ?? heading ?? page.contentPath.replace(/(?:\/index)?\.md$/, '');
  return { contentPath: page.contentPath, url: page.url, title, order: frontmatter.order };
}

/** The site's sidebar: the config's `nav` when given, else the content tree. */
export function siteNav(config: Pick<SiteConfig, 'nav' | 'base'>, pages: readonly NavPage[]): NavItem[] {
  return config.nav ? sidebarFromConfig(config.nav, config.base) : sidebarFromPages(pages, config.base);
}
