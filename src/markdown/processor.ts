import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeCollectAnchors } from './plugins/collect-anchors.ts';
import { rehypeRewriteLinks } from './plugins/rewrite-links.ts';
import { rehypeSafeHtml } from './plugins/safe-html.ts';

/**
 * The markdown → HTML chain, built once and frozen: every page reuses it, so plugin
 * set-up is paid once per build (per worker), not once per page.
 */
export function createMarkdownProcessor() {
  return (
    unified()
      .use(remarkParse)
      // CommonMark + GFM: tables, strikethrough, task lists, autolink literals, footnotes.
      .use(remarkGfm)
      // Raw HTML is kept as `raw` nodes here and made safe by the next plugin.
      .use(remarkRehype, { allowDangerousHtml: true })
      // Before everything else in HTML land: later plugins add classes and attributes the
      // sanitiser's allow-list would strip, and must not see unsanitised author HTML.
      .use(rehypeSafeHtml)
      // Ids first: the anchor collector and the link check read them.
      .use(rehypeSlug)
      .use(rehypeCollectAnchors)
      .use(rehypeRewriteLinks)
      .use(rehypeStringify)
      .freeze()
  );
}

export type MarkdownProcessor = ReturnType<typeof createMarkdownProcessor>;
