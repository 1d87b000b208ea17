import type { Element } from 'hast';

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

/** The `code` child of a `pre`, when the `pre` is a fenced code block. */
export function preCode(node: Element): Element | undefined {
  if (node.tagName !== 'pre') return undefined;
  const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  return code;
}
