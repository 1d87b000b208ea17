import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { resolveLink } from '../../content/link-targets.ts';
import { visitElements } from '../walk.ts';

/**
 * Rewrites links written the way writers think of them, as paths between source
 * files (`./api/users.md#list-users`, `../images/flow.png`), into the URLs they have
 * in the built site, and records every link for the site-wide link check.
 */
export function rehypeRewriteLinks() {
  return (tree: Root, file: VFile) => {
    const page = file.data.page!;
    visitElements(tree, (node) => {
      const attribute = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
      const value = attribute && node.properties[attribute];
      if (typeof value !== 'string' || value === '') return;
      const offset = node.position?.start.offset ?? 0;
      const resolved = resolveLink(value, page.contentPath, page.base, page.pageBase);
      node.properties[attribute!] = resolved.href;
      page.links.push({ ...resolved.link, element: node.tagName === 'img' ? 'img' : 'a', written: value, offset });
    });
  };
}
