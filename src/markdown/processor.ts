import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeCollectAnchors } from './plugins/collect-anchors.ts';
import { rehypeRewriteLinks } from './plugins/rewrite-links.ts';
import { rehypeSafeHtml } from './plugins/safe-html.ts';
import { rehypeCheckImages } from './plugins/check-images.ts';
import type { Highlighter } from 'shiki';
import { rehypeAlerts } from './plugins/alerts.ts';
import { rehypeCodeGroups } from './plugins/code-groups.ts';
import { rehypeEndpoints } from './plugins/endpoints.ts';
import { rehypeHeadingAnchors } from './plugins/heading-anchors.ts';
import { rehypeHighlight } from './plugins/highlight.ts';
import { rehypeScrollTables } from './plugins/scroll-tables.ts';
import { codeBlockToHast } from './plugins/code-meta.ts';
import { rehypeContainers } from './plugins/container-blocks.ts';
import { containerToHast, remarkContainers } from './plugins/containers.ts';
import { rehypeEmptyPage } from './plugins/empty-page.ts';
import { remarkHeadingIds } from './plugins/heading-ids.ts';
import { remarkKramdownAttributes } from './plugins/kramdown-attributes.ts';
import { remarkFenceOptions } from './plugins/fence-options.ts';
import { rehypeHeadingSlugs, remarkAutolinkScope, remarkGfmLineGates } from './fast/index.ts';

export interface MarkdownOptions {
  /** Shiki, loaded once per build (it is async; the chain runs sync). Without it, code stays plain. */
  highlighter?: Highlighter | undefined;
}

/**
 * The markdown → HTML chain, built once and frozen: every page reuses it, so plugin
 * set-up is paid once per build (per worker), not once per page.
 */
export function createMarkdownProcessor(options: MarkdownOptions = {}) {
  return (
    unified()
      .use(remarkParse)
      // CommonMark + GFM: tables, strikethrough, task lists, autolink literals, footnotes.
      .use(remarkGfm)
      // Same trees as remark-gfm alone, sooner: its costliest constructs and transform
      // are only tried where the text could match them.
      .use(remarkGfmLineGates)
      .use(remarkAutolinkScope)
      // VitePress / Docusaurus `::: tip` blocks; after GFM, whose gates must find its constructs first.
      .use(remarkContainers)
      // `## Title {#id}`, then kramdown's `{: .note}`, which we do not support: a warning each.
      .use(remarkHeadingIds)
      .use(remarkKramdownAttributes)
      // VitePress's `js{4}`: the language kept, the line options left out with a warning.
      .use(remarkFenceOptions)
      // Raw HTML is kept as `raw` nodes here and made safe by the next plugin. Code blocks
      // are marked (raw HTML's `<pre>` is left as written); containers carry what they are.
      .use(remarkRehype, { allowDangerousHtml: true, handlers: { code: codeBlockToHast, container: containerToHast } })
      // Before everything else in HTML land: later plugins add classes and attributes the
      // sanitiser's allow-list would strip, and must not see unsanitised author HTML.
      .use(rehypeSafeHtml)
      // Ids first: the anchor collector and the link check read them (rehype-slug's ids).
      .use(rehypeHeadingSlugs)
      .use(rehypeCollectAnchors)
      // Before links are rewritten, so messages quote what the writer wrote.
      .use(rehypeCheckImages)
      .use(rehypeRewriteLinks)
      // Theme touches, after the collectors above so they see the page as written.
      // Containers before code groups and highlighting: a `::: code-group` reads the fence meta.
      .use(rehypeContainers)
      .use(rehypeAlerts)
      // Groups read the fence meta, which highlighting replaces: groups first.
      .use(rehypeCodeGroups)
      .use(rehypeEndpoints)
      // After the collectors: the `#` links must stay out of heading text and the link check.
      .use(rehypeHeadingAnchors)
      .use(rehypeScrollTables)
      // Last: highlighting turns each code block into hundreds of spans, which every
      // later tree walk would have to step through (a third of the render time).
      .use(rehypeHighlight, { highlighter: options.highlighter })
      // Reads the top level only (no walk): whether anything at all is left to show.
      .use(rehypeEmptyPage)
      .use(rehypeStringify)
      .freeze()
  );
}

export type MarkdownProcessor = ReturnType<typeof createMarkdownProcessor>;
