/**
 * How deep blockquotes and lists may nest. remark's parser recurses once per level and
 * overflows the stack in the low thousands (after seconds of work); no real document
 * nests past a handful, so a page past this limit is reported before it is parsed.
 */
export const MAX_NESTING = 100;

// One level: a `>` or a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space.
const LEVEL = String.raw`(?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])[ \t]+)`;
const TOO_DEEP = new RegExp(`^[ \\t]*(?:${LEVEL}){${MAX_NESTING + 1}}`, 'm');

/** Finds the first line that opens more than MAX_NESTING levels at once. */
export function findExcessiveNesting(markdown: string): { offset: number; message: string } | undefined {
  const match = TOO_DEEP.exec(markdown);
  if (!match) return undefined;
  return { offset: match.index, message: `this line nests blockquotes or lists more than ${MAX_NESTING} levels deep; the page was not rendered` };
}
