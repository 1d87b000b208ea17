import type { Element, Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { VFile } from 'vfile';
import { containsType, visitElements } from '../walk.ts';

/**
 * The raw HTML policy: writers may use HTML in markdown (`<kbd>`, `<details>`,
 * `<sup>`, a `<br>` in a table), and it is sanitised with GitHub's allow-list, as on
 * github.com. `<script>`, `<style>`, `<iframe>`, event handlers (`onclick`) and
 * `style` attributes are removed. Ids are kept as written (no `user-content-` prefix)
 * so `#anchors` to them work.
 */
const FENCE_META = 'dataFenceMeta';

const schema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel', 'ftp'] },
  // Carries a fence's info string (```` ```python tab="Python" ````) across sanitising; see below.
  attributes: { ...defaultSchema.attributes, code: [...(defaultSchema.attributes?.code ?? []), FENCE_META] },
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
 * removes dangerous URLs with a warning at their position, then sanitises.
 */
export function rehypeSafeHtml() {
  return (tree: Root, file: VFile): Root => {
    const page = file.data.page!;
    const hasRaw = containsType(tree, 'raw');
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
    if (!hasRaw) return parsed;
    // The sanitiser rebuilds the tree without `data`, where remark-rehype keeps the fence
    // meta that code groups read: park it in an allowed attribute and restore it after.
    visitElements(parsed, (node) => {
      const meta = (node.data as { meta?: unknown } | undefined)?.meta;
      if (node.tagName === 'code' && typeof meta === 'string') node.properties[FENCE_META] = meta;
    });
    const clean = sanitize(parsed as Nodes, schema) as Root;
    visitElements(clean, (node) => {
      const meta = node.properties[FENCE_META];
      if (typeof meta !== 'string') return;
      node.data = { ...node.data, meta };
      delete node.properties[FENCE_META];
    });
    return clean;
  };
}
