import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/position.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { PageSource } from '../content/discover.ts';
import { frontmatterKeyLine, splitFrontmatter } from '../content/frontmatter.ts';
import { pageFrontmatterSchema, type PageFrontmatter } from '../content/page-frontmatter.ts';
import type { TemplateSet } from '../layout/templates.ts';
import { renderLayout } from '../layout/layout.ts';
import type { CollectedHeading, CollectedLink, MarkdownPageData } from '../markdown/page-data.ts';
import { OutputMap } from '../template/output-map.ts';
import { resolvePlaceholders } from '../template/placeholders.ts';
import type { LiquidProblem } from '../template/liquid.ts';
import type { RenderEngines } from './engines.ts';
import { pageNav } from '../nav/page-nav.ts';
import type { NavItem } from '../nav/sidebar.ts';

export interface RenderInput {
  /** The file's text as read from disk. */
  source: string;
  page: PageSource;
  config: SiteConfig;
  templates: TemplateSet;
  /** The site's sidebar (site-wide, computed before rendering); the layout marks this page in it. */
  nav?: readonly NavItem[] | undefined;
}

/** Anything collected with a position, now at a position in the source file. */
type Located<T> = Omit<T, 'offset'> & { line: number; column: number };

export interface RenderedPage {
  file: string;
  url: string;
  outputPath: string;
  title: string;
  frontmatter: PageFrontmatter;
  /** The complete HTML document, or `undefined` when the page had errors. */
  html: string | undefined;
  /** The page body as HTML, before the layout. */
  content: string;
  headings: Located<CollectedHeading>[];
  /** Every element id in the page body, for the anchor check. */
  anchors: string[];
  links: Located<CollectedLink>[];
  diagnostics: Diagnostic[];
}

/** Strips a byte-order mark and turns CRLF into LF, so columns count what the writer sees. */
export function normalizeSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Renders one page: frontmatter → placeholders → markdown → layout. A pure function
 * of its input (the engines are derived from the templates alone), so results can be
 * cached by input hash and computed in worker threads.
 */
export function renderPage(input: RenderInput, engines: RenderEngines): RenderedPage {
  const { page, config, templates } = input;
  const source = normalizeSource(input.source);
  const lines = new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => lines.positionAt(offset);
  const empty: RenderedPage = { file: page.file, url: page.url, outputPath: page.outputPath, title: '', frontmatter: {}, html: undefined, content: '', headings: [], anchors: [], links: [], diagnostics };

  const split = splitFrontmatter(source);
  if (!split.ok) {
    diagnostics.push({ file: page.file, ...split.diagnostic });
    return empty;
  }
  const { body, bodyOffset, yaml } = split.value;
  const checked = pageFrontmatterSchema.safeParse(split.value.data);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? '');
      diagnostics.push({ file: page.file, line: frontmatterKeyLine(yaml, key), column: 1, severity: 'error', message: `frontmatter "${issue.path.join('.')}": ${issue.message}`, rule: 'frontmatter/invalid-value' });
    }
    return empty;
  }
  const frontmatter = checked.data;
  const scope = pageScope(frontmatter, page, config);

  // Placeholders first, so values reach code blocks, which markdown would treat as literal.
  const templated =
    frontmatter.templating === false
      ? { text: body, map: OutputMap.identity(body.length), problems: [] as LiquidProblem[] }
      : resolvePlaceholders(body, scope, engines.pageLiquid, templates);
  const toFile = (offset: number) => at(bodyOffset + templated.map.toSource(offset));
  for (const problem of templated.problems) {
    const location = problem.location;
    diagnostics.push(
      location.kind === 'input'
        ? { file: page.file, ...at(bodyOffset + location.offset), severity: 'error', message: problem.message, rule: problem.rule }
        : { file: templates.files[location.name] ?? location.name, line: location.line, column: location.column, severity: 'error', message: problem.message, rule: problem.rule },
    );
  }

  const data: MarkdownPageData = { contentPath: page.contentPath, base: config.base, links: [], headings: [], anchors: [], problems: [] };
  const processor = engines.markdown;
  const file = { value: templated.text, path: page.file, data: { page: data } };
  let content: string;
  try {
    const tree = processor.parse(file);
    content = processor.stringify(processor.runSync(tree, file), file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push({ file: page.file, line: 1, column: 1, severity: 'error', message: `markdown could not be rendered: ${reason}`, rule: 'markdown/crash' });
    return { ...empty, frontmatter };
  }
  for (const problem of data.problems) {
    diagnostics.push({ file: page.file, ...toFile(problem.offset), severity: problem.severity, message: problem.message, rule: problem.rule });
  }
  const headings = data.headings.map(({ offset, ...heading }) => ({ ...heading, ...toFile(offset) }));
  const links = data.links.map(({ offset, ...link }) => ({ ...link, ...toFile(offset) }));
  const title = frontmatter.title ?? headings.find((h) => h.depth === 1)?.text ?? page.contentPath.replace(/(?:\/index)?\.md$/, '');

  const layoutName = frontmatter.layout ?? 'layout';
  const nav = pageNav(input.nav ?? [], page.url);
  const layout = renderLayout({ name: layoutName, content, page: { ...scope.page, title }, site: scope.site, headings, nav, templates, liquid: engines.layoutLiquid });
  if (layout.missing) {
    diagnostics.push({ file: page.file, line: frontmatterKeyLine(yaml, 'layout'), column: 1, severity: 'error', message: `layout "${layoutName}" not found in templates/ (have: ${layout.available.join(', ')})`, rule: 'layout/not-found' });
  }
  diagnostics.push(...layout.diagnostics);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { file: page.file, url: page.url, outputPath: page.outputPath, title, frontmatter, html: failed ? undefined : layout.html, content, headings, anchors: data.anchors, links, diagnostics };
}

/** What placeholders see: `page` (frontmatter, url, merged metadata) and `site`. */
export function pageScope(frontmatter: PageFrontmatter, page: PageSource, config: SiteConfig) {
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
