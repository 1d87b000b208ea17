import type { Liquid } from 'liquidjs';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/position.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { SiteConfig } from '../config/schema.ts';
import { VARIANT_PATH_MARK, variantPrefix, type SiteVariant } from '../config/variants.ts';
import { switcherScope, type VariantLink, type VariantSwitch } from '../nav/variant-switch.ts';
import type { PageSource } from '../content/discover.ts';
import { normalizeSource } from '../content/decode.ts';
import { frontmatterKeyLine, splitFrontmatter } from '../content/frontmatter.ts';
import { pageFrontmatterSchema, type PageFrontmatter } from '../content/page-frontmatter.ts';
import type { TemplateSet } from '../template/templates.ts';
import { layoutNames, renderLayout } from '../layout/layout.ts';
import type { CollectedHeading, CollectedLink, MarkdownPageData } from '../markdown/page-data.ts';
import { OutputMap } from '../template/output-map.ts';
import { fromFailedText, resolvePlaceholders, type PlaceholderResult } from '../template/placeholders.ts';
import { problemDiagnostic } from '../template/problems.ts';
import { lastUpdatedScope, pageScope } from '../template/scope.ts';
import type { RenderEngines } from './engines.ts';
import { findExcessiveNesting } from '../markdown/nesting.ts';
import { markdownTwin } from '../markdown/twin.ts';
import { titleFromPath } from '../content/titles.ts';
import { SiteNav } from '../nav/site-nav.ts';
import { previewImageLink } from './preview-image.ts';

export interface RenderInput {
  /** The file's text as read from disk. */
  source: string;
  page: PageSource;
  config: SiteConfig;
  templates: TemplateSet;
  /** The variant rendered, on a site with variants (its metadata is already the config's). */
  variant?: SiteVariant | undefined;
  /** Where each variant has pages, for the layout's switcher, on a site with variants. */
  switcher?: VariantSwitch | undefined;
  /** The site's sidebar (site-wide, made from every page's title); the layout marks this page in it. */
  nav?: SiteNav | undefined;
}

/** Anything collected with a position, now at a position in the source file. */
type Located<T> = Omit<T, 'offset'> & { line: number; column: number };

/** What the build keeps of a page once its HTML is written: what the site-wide checks read. */
export interface PageRecord {
  file: string;
  url: string;
  outputPath: string;
  title: string;
  frontmatter: PageFrontmatter;
  headings: Located<CollectedHeading>[];
  /** Every element id in the page body, for the anchor check. */
  anchors: string[];
  /** The variable paths the body reads (`page.metadata.api_base_url`), for the unused-metadata check. */
  placeholders: string[];
  links: Located<CollectedLink>[];
  diagnostics: Diagnostic[];
}

export interface RenderedPage extends PageRecord {
  /** The complete HTML document, or `undefined` when the page had errors. */
  html: string | undefined;
}

/**
 * The expensive half of a page: frontmatter → placeholders → markdown. It does not
 * depend on the layout or the sidebar, so it is cached on its own and survives a
 * page being added to the site (which changes every page's sidebar).
 */
export type PageContent = ContentRecord & {
  /** The page body as HTML, before the layout. */
  content: string;
  /** The page as Markdown (see markdownTwin); empty with `llms: false` or when the page failed. */
  markdown: string;
};

/** A page's content without its body HTML: what the build holds of every page until the layout pass. */
export type ContentRecord = PageRecord & {
  /** Whether the body has a level-1 heading; the built-in layout shows the title as one when it does not. */
  titleHeading: boolean;
  /** The layout it asked for, and where, to report a missing one. */
  layout: { name: string; line: number };
  /** Whether rendering the content failed (no layout is applied then). */
  failed: boolean;
};

/**
 * Renders one page: its content, then its layout. A pure function of its input (the
 * engines are derived from the templates alone), so results can be cached by input
 * hash and computed in worker threads.
 */
export function renderPage(input: RenderInput, engines: RenderEngines): RenderedPage {
  return layoutPage(renderContent(input, engines), input, engines.layoutLiquid);
}

/** Frontmatter → placeholders → markdown, with every problem at its source position. */
export function renderContent(input: Omit<RenderInput, 'nav'>, engines: RenderEngines): PageContent {
  const { page, config, templates } = input;
  const source = normalizeSource(input.source);
  const lines = new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => lines.positionAt(offset);
  const failed = failedContent(page, diagnostics);

  const split = splitFrontmatter(source);
  if (!split.ok) {
    diagnostics.push({ file: page.file, ...split.diagnostic });
    return failed;
  }
  const { body, bodyOffset, yaml } = split.value;
  const checked = pageFrontmatterSchema.safeParse(split.value.data);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? '');
      diagnostics.push({ file: page.file, line: frontmatterKeyLine(yaml, key), column: 1, severity: 'error', message: `frontmatter "${issue.path.join('.')}": ${issue.message}`, rule: 'frontmatter/invalid-value' });
    }
    return failed;
  }
  const frontmatter = checked.data;
  const scope = pageScope(frontmatter, page, config, input.variant);
  const layout = { name: frontmatter.layout ?? 'layout', line: frontmatterKeyLine(yaml, 'layout') };

  // Placeholders first, so values reach code blocks, which markdown would treat as literal.
  const templated: PlaceholderResult =
    frontmatter.templating === false
      ? { text: body, map: OutputMap.identity(body.length), problems: [], used: [], failed: [] }
      : resolvePlaceholders(body, scope, engines.pageLiquid, templates, engines.pageVariables);
  const toFile = (offset: number) => at(bodyOffset + templated.map.toSource(offset));
  for (const problem of templated.problems) {
    diagnostics.push(problemDiagnostic(problem, { file: page.file, positionAt: (offset) => at(bodyOffset + offset), templates }));
  }

  const tooDeep = findExcessiveNesting(templated.text);
  if (tooDeep) {
    diagnostics.push({ file: page.file, ...toFile(tooDeep.offset), severity: 'error', message: tooDeep.message, rule: 'markdown/too-deep' });
    return { ...failed, frontmatter, layout, title: frontmatter.title ?? failed.title };
  }
  const data: MarkdownPageData = { contentPath: page.contentPath, base: config.base, pageBase: config.variants ? config.base + VARIANT_PATH_MARK : undefined, links: [], headings: [], anchors: [], problems: [] };
  const processor = engines.markdown;
  const file = { value: templated.text, path: page.file, data: { page: data } };
  let content: string;
  let markdown = '';
  try {
    const tree = processor.parse(file);
    // Before the transforms, which change the tree in place: the twin is the text as written.
    if (config.llms) markdown = markdownTwin(templated.text, tree, data);
    content = processor.stringify(processor.runSync(tree, file), file);
  } catch (error) {
    const reason = error instanceof RangeError ? 'it nests too deeply' : error instanceof Error ? error.message : String(error);
    diagnostics.push({ file: page.file, line: 1, column: 1, severity: 'error', message: `markdown could not be rendered: ${reason}`, rule: 'markdown/crash' });
    return { ...failed, frontmatter, layout, title: frontmatter.title ?? failed.title };
  }
  // What markdown finds in Liquid that failed (a link to "{{ … }}") is a consequence of a problem reported above.
  for (const problem of data.problems) {
    if (fromFailedText(templated, problem.offset, problem.message)) continue;
    diagnostics.push({ file: page.file, ...toFile(problem.offset), severity: problem.severity, message: problem.message, rule: problem.rule });
  }
  const headings = data.headings.map(({ offset, ...heading }) => ({ ...heading, ...toFile(offset) }));
  const links = data.links.filter((link) => !fromFailedText(templated, link.offset, link.written)).map(({ offset, ...link }) => ({ ...link, ...toFile(offset) }));
  // The preview image (`image:`) is checked as an image of the page: a missing file is a broken image.
  const image = previewImageLink(frontmatter.image, page, config, yaml);
  if (image) links.push(image);
  // The title as readers see it: placeholders resolved, inline markup gone, setext headings
  // included, never a `#` line inside a code block. The sidebar is made from it.
  const heading = headings.find((h) => h.depth === 1);
  const title = frontmatter.title ?? (heading?.text || undefined) ?? titleFromPath(page.contentPath) ?? config.title;
  // The twin starts at its first line of text, with the title where only the frontmatter had it.
  if (config.llms) {
    markdown = markdown.replace(/^\s*\n/, '');
    if (heading === undefined) markdown = `# ${title}\n\n${markdown}`;
  }
  return {
    file: page.file, url: page.url, outputPath: page.outputPath, title, frontmatter, content, markdown, headings, anchors: data.anchors,
    placeholders: templated.used, links, diagnostics, layout, titleHeading: heading !== undefined, failed: diagnostics.some((d) => d.severity === 'error'),
  };
}

/** The content of a page that could not be rendered: no HTML, only its problems. */
export function failedContent(page: PageSource, diagnostics: Diagnostic[]): PageContent {
  return {
    file: page.file, url: page.url, outputPath: page.outputPath, title: titleFromPath(page.contentPath) ?? '', frontmatter: {}, content: '', markdown: '', titleHeading: false,
    headings: [], anchors: [], placeholders: [], links: [], diagnostics, layout: { name: 'layout', line: 1 }, failed: true,
  };
}

/** The content of a page whose rendering stopped as a whole (its worker crashed or ran out of time): one error on its first line. */
export function failedPage(page: PageSource, message: string, rule: RuleId): PageContent {
  return failedContent(page, [{ file: page.file, line: 1, column: 1, severity: 'error', message, rule }]);
}

/** The page body as the variant has it: links into the site under the variant's path (on a site with variants). */
export function bodyInVariant(body: string, input: Pick<RenderInput, 'config' | 'variant'>): string {
  return input.config.variants ? body.replaceAll(VARIANT_PATH_MARK, variantPrefix(input.variant)) : body;
}

/** What the layout reads besides the page's input: when each source file was last committed (with `lastUpdated`). */
export interface LayoutExtras {
  /** Seconds since 1970 by site-relative file; a page's key includes its time (see `VariantBuild.pageKeys`). */
  lastCommits?: ReadonlyMap<string, number> | undefined;
}

/**
 * The cheap half: the layout around rendered content, with this page's sidebar. The date
 * of its last commit is read here, not while rendering content: a commit that changes no
 * text lays the page out again and renders nothing.
 */
export function layoutPage(content: PageContent, input: Pick<RenderInput, 'config' | 'templates' | 'nav' | 'variant' | 'switcher'> & LayoutExtras, layoutLiquid: Liquid): RenderedPage {
  const { failed, layout: wanted, content: rendered, markdown: _twin, titleHeading, ...page } = content;
  // A missing layout is reported with the content's problems too: every problem in one run.
  if (failed) return { ...page, diagnostics: withMissingLayout(page.diagnostics, content.file, wanted, input.templates), html: undefined };
  const scope = pageScope(content.frontmatter, content, input.config, input.variant);
  const body = bodyInVariant(rendered, input);
  const nav = (input.nav ?? new SiteNav([])).forPage(content.url);
  // `title_heading`: whether the body has its own level-1 heading (the layout adds one when not).
  const switcher = switcherScope(input.switcher, content.url, input.variant);
  const layout = renderLayout({
    name: wanted.name,
    content: body,
    page: { ...scope.page, ...lastUpdatedScope(input.lastCommits?.get(content.file)), title: content.title, title_heading: titleHeading, canonical: typeof content.frontmatter.canonical === 'string' ? scope.page.canonical : canonicalUrl(scope.page.canonical, input.config, switcher) },
    site: scope.site,
    headings: content.headings,
    nav,
    variants: switcher,
    templates: input.templates,
    liquid: layoutLiquid,
  });
  const diagnostics = withMissingLayout([...content.diagnostics, ...layout.diagnostics], content.file, wanted, input.templates);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { ...page, diagnostics, html: ok ? layout.html : undefined };
}

/**
 * A page's canonical URL (with `siteUrl` set): for a page of an outdated variant, the
 * default variant's same page when there is one, so old versions do not outrank the current.
 */
function canonicalUrl(own: string, config: SiteConfig, switcher: { variant: VariantLink; variants: VariantLink[] } | undefined): string {
  const latest = switcher?.variants.find((link) => link.default);
  if (!config.siteUrl || switcher?.variant.status !== 'outdated' || !latest || latest.missing) return own;
  return config.siteUrl.replace(/\/+$/, '') + encodeURI(latest.href);
}

/** The page's problems, with a `layout/not-found` at its `layout:` line when the layout it names is in no templates folder. */
function withMissingLayout(diagnostics: Diagnostic[], file: string, wanted: { name: string; line: number }, templates: TemplateSet): Diagnostic[] {
  if (templates.sources[`${wanted.name}.liquid`] !== undefined) return diagnostics;
  return [...diagnostics, { file, line: wanted.line, column: 1, severity: 'error', message: `layout "${wanted.name}" not found in templates/ (have: ${layoutNames(templates).join(', ')})`, rule: 'layout/not-found' }];
}
