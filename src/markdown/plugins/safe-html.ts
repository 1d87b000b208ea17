import type { Data, Element, Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { VFile } from 'vfile';
import { containsType, visitElements } from '../walk.ts';
import { reportRemovedHtml, STRIPPED } from './removed-html.ts';

/**
 * The raw HTML policy: writers may use HTML in markdown (`<kbd>`, `<details>`,
 * `<sup>`, a `<br>` in a table), and it is sanitised with GitHub's allow-list, as on
 * github.com. `<script>`, `<style>`, `<iframe>`, event handlers (`onclick`) and
 * `style` attributes are removed, each with a warning. Ids are kept as written (no
 * `user-content-` prefix) so `#anchors` to them work.
 */
const schema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  // Not only scripts: a style sheet left as text would print its CSS in the page.
  strip: STRIPPED,
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel', 'ftp'] },
};

const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/;

/** `java&#x09;script:` and `JaVaScRiPt:` decode and fold to `javascript:`. */
export function isUnsafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  const folded = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (!UNSAFE_SCHEME.test(folded)) return false;
  // data: images are harmless in <img>; everything else with data: is not.
  return !/^data:image\/(?:png|gif|jpe?g|webp|avif);/.test(folded);
}

/**
 * Parses raw HTML into the tree (only when the page has some: it is the slow part),
 * removes dangerous URLs with a warning at their position, then sanitises and warns about
 * what the sanitiser removed.
 */
export function rehypeSafeHtml() {
  return (tree: Root, file: VFile): Root => {
    const page = file.data.page!;
    const hasRaw = containsType(tree, 'raw');
    // hast-util-raw rebuilds every element without its `data`, where remark-rehype and our
    // plugins leave what later plugins read (a fence's info string, that a `pre` is a code
    // block, what a container is): keep it aside, by element, to put back afterwards.
    const kept = hasRaw ? keepData(tree) : undefined;
    const parsed = hasRaw ? (raw(tree, { file }) as Root) : tree;

    visitElements(parsed, (node) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (typeof value !== 'string' || !isUnsafeUrl(value)) continue;
        delete node.properties[attribute];
        page.problems.push({
          offset: node.position?.start.offset ?? 0,
          severity: 'warning',
          message: `unsafe ${node.tagName === 'img' ? 'image' : 'link'} URL "${value.slice(0, 40)}" was removed`,
          rule: 'html/unsafe-url',
        });
      }
    });
    // Markdown alone cannot produce dangerous HTML once its URLs are checked; only pages
    // with raw HTML pay for sanitising, which copies the whole tree.
    if (!kept) return parsed;
    const clean = sanitize(parsed as Nodes, schema) as Root;
    reportRemovedHtml(parsed, clean, String(file.value), page.problems);
    visitElements(clean, (node) => {
      const data = kept.get(dataKey(node));
      if (data) node.data = data;
    });
    return clean;
  };
}

/**
 * The `data` of markdown's elements, by tag and start offset. Both survive parsing and
 * sanitising, and name one element: markdown's start at markdown syntax, raw HTML's at
 * `<`, and an element starting where another does is of another tag.
 */
function keepData(tree: Root): Map<string, Data> {
  const kept = new Map<string, Data>();
  visitElements(tree, (node) => {
    if (node.data && node.position) kept.set(dataKey(node), node.data);
  });
  return kept;
}

function dataKey(node: Element): string {
  return `${node.tagName}@${node.position?.start.offset ?? -1}`;
}
