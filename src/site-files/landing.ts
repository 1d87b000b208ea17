import type { Liquid } from 'liquidjs';
import type { SiteConfig } from '../config/schema.ts';
import type { SiteVariant } from '../config/variants.ts';
import { switcherScope, type VariantSwitch } from '../nav/variant-switch.ts';
import { CONTENT_DIR, outputPathForUrl } from '../content/discover.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { renderLayout } from '../layout/layout.ts';
import type { NavItem } from '../nav/sidebar.ts';
import type { SiteNav } from '../nav/site-nav.ts';
import { escapeHtml } from '../template/liquid.ts';
import { pageScope } from '../template/scope.ts';
import type { TemplateSet } from '../template/templates.ts';

export interface LandingInput {
  config: SiteConfig;
  /** The variant it is made for, on a site with variants, and where each variant has pages (the switcher). */
  variant?: SiteVariant | undefined;
  switcher?: VariantSwitch | undefined;
  templates: TemplateSet;
  liquid: Liquid;
  nav: SiteNav;
}

/** A folder's generated landing page, laid out. */
export interface LandingPage {
  /** The folder in content/ (`content/api/`): where a problem with the page is reported. */
  file: string;
  /** The folder's URL without the base: `/api/`. */
  url: string;
  outputPath: string;
  /** The whole document. */
  html: string;
  /** What the layout printed as `content` (the list), for the search index's cut. */
  body: string;
  diagnostics: Diagnostic[];
}

/**
 * A landing page for every folder that has pages but no page of its own (no `index.md`,
 * `README.md` or page of the folder's name), at the folder's URL: its pages and
 * sub-folders in sidebar order, in the site's layout with the group marked current. The
 * sidebar links the group's heading to it, so without JavaScript a collapsed group is
 * still one click from its pages; a writer's own page always wins, since a folder that
 * has one gets no generated page (sidebar.ts).
 */
export function renderLandingPages(input: LandingInput): LandingPage[] {
  return input.nav.landingGroups.map((group) => renderLandingPage(group, input));
}

function renderLandingPage(group: NavItem, input: LandingInput): LandingPage {
  const { config } = input;
  const scope = pageScope({ title: group.text }, { url: group.url }, config, input.variant);
  // Its own <h1>, as 404.html has: a site's layout need not print the title.
  const body = `<h1>${escapeHtml(group.text)}</h1>\n${entryList(group.items)}`;
  const layout = renderLayout({
    name: 'layout',
    content: body,
    // A list the build makes, with no Markdown twin of its own.
    page: { ...scope.page, markdown_url: '', title_heading: true },
    site: scope.site,
    headings: [],
    nav: input.nav.forPage(group.url),
    variants: switcherScope(input.switcher, group.url, input.variant),
    templates: input.templates,
    liquid: input.liquid,
  });
  return { file: `${CONTENT_DIR}${group.url}`, url: group.url, outputPath: outputPathForUrl(group.url), html: layout.html, body, diagnostics: layout.diagnostics };
}

/** One level: a sub-folder is listed as one entry that leads to its own page. */
function entryList(items: readonly NavItem[]): string {
  const entries = items.map((item) => {
    const text = escapeHtml(item.text);
    const label = item.href === '' ? text : `<a href="${escapeHtml(item.href)}"${item.external ? ' rel="noopener"' : ''}>${text}</a>`;
    return `<li>${label}</li>\n`;
  });
  return `<ul class="landing-list">\n${entries.join('')}</ul>`;
}
