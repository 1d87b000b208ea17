/**
 * How deep blockquotes and lists may nest. remark's parser recurses once per level and
 * overflows the stack in the low thousands (after seconds of work); no real document
 * nests past a handful, so a page past this limit is reported before it is parsed.
 */
export const MAX_NESTING = 100;

// One level on a line: a `>` or a list marker (`-`, `*`, `+`, `1.`, `1)`) and its space.
const LEVEL = String.raw`(?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])[ \t]+)`;
const NESTED_LINE = new RegExp(`^([ \\t]*)((?:${LEVEL})+)`, 'gm');

/**
 * Finds the first line past MAX_NESTING levels, counting both ways of nesting: markers
 * on one line (`> > >`, `- - -`) and indentation (each list level indents its content by
 * at least two columns, so the indent gives a lower bound on the depth above it).
 */
export function findExcessiveNesting(markdown: string): { offset: number; message: string } | undefined {
  NESTED_LINE.lastIndex = 0;
  for (let match = NESTED_LINE.exec(markdown); match; match = NESTED_LINE.exec(markdown)) {
    const indent = match[1]!.replace(/\t/g, '    ').length;
    const markers = match[2]!.match(/>|[-*+]|\d{1,9}[.)]/g)!.length;
    if (Math.floor(indent / 2) + markers > MAX_NESTING) {
      return { offset: match.index, message: `this line nests blockquotes or lists more than ${MAX_NESTING} levels deep; the page was not rendered` };
    }
  }
  return undefined;
}
