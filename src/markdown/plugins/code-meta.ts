import type { Element } from 'hast';
import type { Code } from 'mdast';
import { defaultHandlers } from 'remark-rehype';
import type { State } from 'mdast-util-to-hast';

declare module 'hast' {
  interface Data {
    /** On a `pre` made from a fenced or indented code block (never on raw HTML's). */
    codeBlock?: boolean;
  }
}

/**
 * mdast → hast for code blocks: remark-rehype's `pre > code`, with the `pre` marked as a
 * code block, so that highlighting and code groups leave raw HTML's `<pre>` as written.
 */
export function codeBlockToHast(state: State, node: Code): Element {
  const pre = defaultHandlers.code(state, node);
  pre.data = { ...pre.data, codeBlock: true };
  return pre;
}

/**
 * Reads `key="value"` pairs (or `key=value`) from a fence's info string after the
 * language: ```` ```python tab="Python" group="sdk" ````. remark-rehype keeps that
 * text on the `code` element as `data.meta`.
 */
export function codeMeta(code: Element): Record<string, string> {
  const meta = (code.data as { meta?: unknown } | undefined)?.meta;
  const result: Record<string, string> = {};
  if (typeof meta !== 'string') return result;
  for (const match of meta.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    result[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return result;
}

/** The fence language from `class="language-x"`, or `undefined`. */
export function codeLanguage(code: Element): string | undefined {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return undefined;
  const language = classes.map(String).find((name) => name.startsWith('language-'));
  return language?.slice('language-'.length);
}

/** The `code` of a code block's `pre` (see codeBlockToHast); `undefined` for anything else, raw HTML's `<pre>` included. */
export function fencedCode(node: Element): Element | undefined {
  if (node.tagName !== 'pre' || !node.data?.codeBlock) return undefined;
  const code = node.children[0];
  return code?.type === 'element' && code.tagName === 'code' ? code : undefined;
}
