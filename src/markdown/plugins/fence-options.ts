import type { Code, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { MarkdownProblem } from '../page-data.ts';

/** A fence line whose info string holds `{` or `:`: only such pages are walked. */
const MAYBE = /^[ \t]*(?:`{3,}|~{3,})[^\n]*[{:]/m;
/** VitePress's options glued to the language: ` ```js{4} `, ` ```ts:line-numbers `, ` ```ts:no-line-numbers{2-3} `. */
const GLUED = /^([^{:\s]+)((?:\{[\d,\s-]*\}|:(?:no-)?line-numbers)+)$/;
/** Line ranges at the start of the meta: ` ```js {1,4-6} [label] `. */
const LINE_RANGES = /^\{[\d,\s-]*\}/;

/**
 * VitePress's line highlighting (`js{4}`, `js {1,3}`) and line numbers (`ts:line-numbers`)
 * are not supported. Left as they are, `js{4}` would name no language we know and the
 * block would lose its highlighting without a word: the language is kept, the options are
 * left out, and each gets a warning at its fence.
 */
export function remarkFenceOptions() {
  return (tree: Root, file: VFile) => {
    if (!MAYBE.test(String(file.value))) return;
    const problems = file.data.page?.problems;
    visitCode(tree, (code) => {
      const offset = code.position?.start.offset ?? 0;
      const glued = code.lang ? GLUED.exec(code.lang) : null;
      if (glued) {
        code.lang = glued[1]!;
        problems?.push(warning(offset, glued[2]!, code.lang));
      }
      const ranges = code.meta ? LINE_RANGES.exec(code.meta) : null;
      if (ranges) {
        code.meta = code.meta!.slice(ranges[0].length).trim() || null;
        problems?.push(warning(offset, ranges[0], code.lang ?? ''));
      }
    });
  };
}

function warning(offset: number, options: string, lang: string): MarkdownProblem {
  const what = options.startsWith('{') ? 'line highlighting' : 'line numbering';
  return {
    offset,
    severity: 'warning',
    rule: 'markdown/fence-options',
    message: `${what} "${options}" in the code fence is not supported and was left out${lang ? `; the block is highlighted as "${lang}"` : ''}`,
  };
}

function visitCode(node: Nodes, visit: (code: Code) => void): void {
  if (node.type === 'code') visit(node);
  else if ('children' in node) for (const child of node.children) visitCode(child, visit);
}
