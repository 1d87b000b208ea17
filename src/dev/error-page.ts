import { formatDiagnostics } from '../diagnostics/report.ts';
import type { PageRecord } from '../render/page.ts';
import { escapeHtml } from '../template/liquid.ts';

export interface ErrorPageInput {
  page: PageRecord;
  /** Source text by site-relative path, for the code frames. */
  sources: ReadonlyMap<string, string>;
  /** The site's base path, for the link home. */
  base: string;
}

/**
 * What the dev server answers at the URL of a page that has never rendered (its
 * frontmatter does not parse, say), instead of "not found": the page's own problems,
 * and a way on. A plain page rather than the theme's layout, since the layout is one
 * of the things that may be broken; the dev client's overlay comes on top of it with
 * every problem of the site.
 */
export function errorPage({ page, sources, base }: ErrorPageInput): string {
  const url = `${base}${page.url.slice(1)}`;
  const report = formatDiagnostics(page.diagnostics, { sources });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Did not render: ${escapeHtml(page.file)}</title>
<style>
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d1d1f; background: #fafafa; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
pre { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1rem; overflow: auto; font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace; }
</style>
</head>
<body>
<main>
<h1>This page did not render</h1>
<p><code>${escapeHtml(page.file)}</code> has errors, so there is no page at <code>${escapeHtml(url)}</code> yet. Fix them and save: the page appears by itself.</p>
${report ? `<pre>${escapeHtml(report)}</pre>` : ''}
<p><a href="${escapeHtml(base)}">Go to the home page</a></p>
</main>
</body>
</html>
`;
}
