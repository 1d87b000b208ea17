import type { Liquid } from 'liquidjs';
import type { SiteConfig } from '../config/schema.ts';
import type { SiteVariant } from '../config/variants.ts';
import { switcherScope, type VariantSwitch } from '../nav/variant-switch.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { renderLayout } from '../layout/layout.ts';
import type { TemplateSet } from '../template/templates.ts';
import type { SiteNav } from '../nav/site-nav.ts';
import { escapeHtml } from '../template/liquid.ts';
import { pageScope } from '../template/scope.ts';

export interface NotFoundInput {
  config: SiteConfig;
  /** The variant it is made for, on a site with variants, and where each variant has pages (the switcher). */
  variant?: SiteVariant | undefined;
  switcher?: VariantSwitch | undefined;
  templates: TemplateSet;
  liquid: Liquid;
  nav: SiteNav;
}

/**
 * 404.html in the site's own layout, so a reader who followed a dead link still has
 * the header, search and sidebar to find their way. Hosts serve it at any missing
 * path, so the theme's links are all base-absolute, never relative.
 */
export function renderNotFound(input: NotFoundInput): { html: string; diagnostics: Diagnostic[] } {
  const { config } = input;
  const scope = pageScope({ title: 'Page not found' }, { url: '/404.html' }, config, input.variant);
  const home = escapeHtml(scope.site.home);
  const content = [
    '<h1 id="page-not-found">Page not found</h1>',
    '<p>The page you asked for does not exist, or has moved.</p>',
    `<p>Try the search above, or go to the <a href="${home}">home page</a>.</p>`,
  ].join('\n');
  const layout = renderLayout({
    name: 'layout',
    content,
    // Served at any missing address: it is nobody's canonical page.
    page: { ...scope.page, url: `${scope.site.home}404.html`, canonical: '', title_heading: true },
    site: scope.site,
    headings: [],
    nav: input.nav.forPage(''),
    // Every variant's home: a missing page has no counterpart.
    variants: switcherScope(input.switcher, '/', input.variant),
    templates: input.templates,
    liquid: input.liquid,
  });
  return { html: layout.html, diagnostics: layout.diagnostics };
}
