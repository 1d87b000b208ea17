import type { CompileContext, Token } from 'mdast-util-from-markdown';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';

/**
 * patches/mdast-util-from-markdown+2.1.0.patch (applied by `npm install`): the compiler
 * hands every handler one context, with `sliceSerialize` set per event, instead of a
 * spread copy per event, which made remark-parse about a third slower on our pages.
 */
describe('mdast-util-from-markdown, as patched', () => {
  const record = () => {
    const contexts = new Set<CompileContext>();
    const slices: string[] = [];
    function seen(this: CompileContext, token: Token) {
      contexts.add(this);
      slices.push(this.sliceSerialize(token));
    }
    // Token types the compiler has no handler of its own for, so the tree is built as usual.
    const tree = fromMarkdown('a *b* and `c`\n\n__d__ ``e``', { mdastExtensions: [{ enter: { emphasisSequence: seen, strongSequence: seen, codeTextSequence: seen } }] });
    return { contexts, slices, tree };
  };

  it('reuses one context for every handler call (the patch is applied)', () => {
    expect(record().contexts.size).toBe(1);
  });

  it('still slices each event from its own token', () => {
    expect(record().slices).toEqual(['*', '*', '`', '`', '__', '__', '``', '``']);
  });

  it('builds the same tree', () => {
    const { tree } = record();
    const kinds = (node: { type: string; children?: unknown[] }): unknown => (node.children ? [node.type, node.children.map((child) => kinds(child as typeof node))] : node.type);
    expect(kinds(tree)).toEqual(['root', [['paragraph', ['text', ['emphasis', ['text']], 'text', 'inlineCode']], ['paragraph', [['strong', ['text']], 'text', 'inlineCode']]]]);
  });
});
