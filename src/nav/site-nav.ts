import type { SiteConfig } from '../config/schema.ts';
import { sidebarFromConfig, sidebarFromPages, type NavItem, type NavPage } from './sidebar.ts';

/** The site's sidebar: the config's `nav` when given, else the content tree. */
export function siteNav(config: Pick<SiteConfig, 'nav' | 'base'>, pages: readonly NavPage[]): NavItem[] {
  return config.nav ? sidebarFromConfig(config.nav, config.base) : sidebarFromPages(pages, config.base);
}
