import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { Highlighter } from 'shiki';
import { unified, type Pluggable } from 'unified';
import { codeBlockToHast } from '../../../src/markdown/plugins/code-meta.ts';
import type { MarkdownPageData } from '../../../src/markdown/page-data.ts';
import { createMarkdownProcessor } from '../../../src/markdown/processor.ts';

/** Markdown → HTML through the given rehype plugins only, for plugin tests. Code blocks are marked as the real chain marks them. */
export function renderWith(markdown: string, ...plugins: Pluggable[]): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { handlers: { code: codeBlockToHast } }).use(rehypeSlug);
  for (const plugin of plugins) processor.use(...(Array.isArray(plugin) ? plugin : [plugin]) as [never]);
  return String(processor.use(rehypeStringify).processSync(markdown));
}

/** Markdown → HTML through the whole chain, with what the page collected (problems at offsets in `markdown`). */
export function renderPage(markdown: string, options: { highlighter?: Highlighter; contentPath?: string } = {}) {
  const processor = createMarkdownProcessor({ highlighter: options.highlighter });
  const page: MarkdownPageData = { contentPath: options.contentPath ?? 'index.md', base: '/', links: [], headings: [], anchors: [], problems: [] };
  const file = { value: markdown, path: 'content/index.md', data: { page } };
  const html = String(processor.stringify(processor.runSync(processor.parse(file), file), file));
  return { html, page, problems: page.problems };
}

/** `line:column` of an offset in `text`, 1-based, as diagnostics show it. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}
