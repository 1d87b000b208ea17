import type { Liquid } from 'liquidjs';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/position.ts';
import { explain } from '../template/hints.ts';
import { renderEach } from '../template/liquid.ts';
import { problemDiagnostic, toLiquidProblems } from '../template/problems.ts';
import type { TemplateSet } from '../template/templates.ts';
import type { PageNav } from '../nav/page-nav.ts';
import type { VariantLink } from '../nav/variant-switch.ts';

export interface LayoutInput {
  /** Template name without `.liquid`: `layout`, `wide`. */
  name: string;
  /** The page body as HTML; layouts print it with `{{ content | raw }}`. */
  content: string;
  page: Record<string, unknown>;
  site: Record<string, unknown>;
  headings: ReadonlyArray<{ depth: number; id: string; text: string }>;
  /** The sidebar with this page marked, and the previous/next pages: `nav` in the layout. */
  nav?: PageNav | undefined;
  /** On a site with variants: the page's variant, and this page in every variant (the switcher). */
  variants?: { variant: VariantLink; variants: VariantLink[] } | undefined;
  templates: TemplateSet;
  liquid: Liquid;
}

export interface LayoutResult {
  html: string;
  diagnostics: Diagnostic[];
  /** The named layout does not exist. */
  missing: boolean;
  available: string[];
}

/**
 * Renders the page's layout around its HTML. Layout output is HTML-escaped by
 * default (the engine's `outputEscape`), so a title with `<` cannot break the page.
 */
export function renderLayout(input: LayoutInput): LayoutResult {
  const templateName = `${input.name}.liquid`;
  const source = input.templates.sources[templateName];
  const available = layoutNames(input.templates);
  if (source === undefined) return { html: '', diagnostics: [], missing: true, available };

  const file = input.templates.files[templateName] ?? `templates/${templateName}`;
  const diagnostics: Diagnostic[] = [];
  // `variant` and `variants` are nil on a site without variants, as `page.editUrl` is without
  // `editLink`: asking `{% if variants %}` of an undefined name makes liquidjs build and
  // catch an error each time (about 30 µs, three times on every page of the theme).
  const scope = { page: input.page, site: input.site, content: input.content, toc: input.headings.filter((h) => h.depth === 2 || h.depth === 3), nav: input.nav ?? { sidebar: [], sidebar_html: '', prev: null, next: null }, variant: null, variants: null, ...input.variants };
  const report = (error: unknown) => {
    for (const problem of toLiquidProblems(error, source, input.templates)) {
      const explained = explain(problem, { scope, liquid: input.liquid, input: source });
      diagnostics.push(problemDiagnostic(explained, { file, positionAt: (offset) => new LineIndex(source).positionAt(offset), templates: input.templates }));
    }
  };

  let parsed;
  try {
    // The engine caches parsed templates, so each layout is parsed once per build.
    parsed = input.liquid.parseFileSync(input.name);
  } catch (error) {
    report(error);
    return { html: '', diagnostics, missing: false, available };
  }
  let html = '';
  renderEach(input.liquid, parsed, scope, (_template, output, error) => {
    if (error === undefined) html += output;
    else report(error);
  });
  return { html, diagnostics, missing: false, available };
}

/** The layouts a page may name: the templates at the top of templates/ (partials are in folders). */
export function layoutNames(templates: TemplateSet): string[] {
  return Object.keys(templates.sources)
    .filter((name) => !name.includes('/'))
    .map((name) => name.replace(/\.liquid$/, ''));
}
