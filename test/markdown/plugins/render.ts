import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';

/** Markdown → HTML through the given rehype plugins only, for plugin tests. */
export function renderWith(markdown: string, ...plugins: Pluggable[]): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSlug);
  for (const plugin of plugins) processor.use(...(Array.isArray(plugin) ? plugin : [plugin]) as [never]);
  return String(processor.use(rehypeStringify).processSync(markdown));
}
