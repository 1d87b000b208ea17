import fc from 'fast-check';
import type { CompileContext, Extension as MdastExtension, Token } from 'mdast-util-from-markdown';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse } from 'micromark';
import type { Extension } from 'micromark-util-types';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { block, text } from '../../fuzz/arbitraries.ts';

/**
 * patches/mdast-util-from-markdown+2.1.0.patch (applied by `npm install`): each handler
 * call still gets its own `this` (upstream's contract), built as an object literal of
 * fixed shape instead of a spread copy (syntax-tree/mdast-util-from-markdown#52).
 */
describe('mdast-util-from-markdown, as patched', () => {
  const record = () => {
    const calls: { context: CompileContext; token: Token; slice: string }[] = [];
    function seen(this: CompileContext, token: Token) {
      calls.push({ context: this, token, slice: this.sliceSerialize(token) });
    }
    // Token types the compiler has no handler of its own for, so the tree is built as usual.
    const tree = fromMarkdown('a *b* and `c`\n\n__d__ ``e``', { mdastExtensions: [{ enter: { emphasisSequence: seen, strongSequence: seen, codeTextSequence: seen } }] });
    return { calls, tree };
  };

  it('gives every handler call its own context', () => {
    const { calls } = record();
    expect(new Set(calls.map((call) => call.context)).size).toBe(calls.length);
  });

  it('slices each event from its own token, also from a context kept for later', () => {
    const { calls } = record();
    expect(calls.map((call) => call.slice)).toEqual(['*', '*', '`', '`', '__', '__', '``', '``']);
    // After the parse: a context kept from the first paragraph still slices that paragraph.
    expect(calls.map((call) => call.context.sliceSerialize(call.token))).toEqual(calls.map((call) => call.slice));
  });

  it('keeps a field a handler sets on its context to that call', () => {
    const kept: unknown[] = [];
    function mark(this: CompileContext & { mark?: number }) {
      kept.push(this.mark);
      this.mark = 1;
    }
    fromMarkdown('*a* *b*', { mdastExtensions: [{ enter: { emphasisSequence: mark } }] });
    expect(kept).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('builds the same tree', () => {
    const { tree } = record();
    const kinds = (node: { type: string; children?: unknown[] }): unknown => (node.children ? [node.type, node.children.map((child) => kinds(child as typeof node))] : node.type);
    expect(kinds(tree)).toEqual(['root', [['paragraph', ['text', ['emphasis', ['text']], 'text', 'inlineCode']], ['paragraph', [['strong', ['text']], 'text', 'inlineCode']]]]);
  });
});

/**
 * The same patch makes one compiler per list of mdast extensions and reuses it for every
 * document (it made a hundred handlers per page); each document gets its own `data`.
 */
describe('mdast-util-from-markdown, as patched: one compiler per list of extensions', () => {
  const configOf = (extensions: MdastExtension[]) => {
    let config: unknown;
    const extension: MdastExtension = {
      enter: {
        emphasisSequence(this: CompileContext) {
          config = this.config;
        },
      },
    };
    fromMarkdown('*a*', { mdastExtensions: [...extensions, extension] });
    return config;
  };

  it('reuses the compiler for the same list, and makes a new one for another list or the list changed in place', () => {
    const seen: CompileContext['config'][] = [];
    const extensions: MdastExtension[] = [{ enter: { emphasisSequence(this: CompileContext) { seen.push(this.config); } } }];
    fromMarkdown('*a*', { mdastExtensions: extensions });
    fromMarkdown('*b*', { mdastExtensions: extensions });
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(1);
    expect(configOf([])).not.toBe(seen[0]);

    // A handler for another token type, added to the same list, takes effect.
    let added = 0;
    extensions.push({ enter: { strongSequence(this: CompileContext) { added++; seen.push(this.config); } } });
    fromMarkdown('*c* **d**', { mdastExtensions: extensions });
    expect(added).toBe(2);
    expect(seen.at(-1)).not.toBe(seen[0]);
    extensions[1] = { enter: { strongSequence() { added += 10; } } };
    fromMarkdown('**e**', { mdastExtensions: extensions });
    expect(added).toBe(22);
  });

  it('gives each document its own data', () => {
    const data: object[] = [];
    const extensions: MdastExtension[] = [
      {
        enter: {
          emphasisSequence(this: CompileContext) {
            data.push({ ...this.data });
            (this.data as Record<string, unknown>).leak = true;
          },
        },
      },
    ];
    fromMarkdown('*a*', { mdastExtensions: extensions });
    fromMarkdown('*b*', { mdastExtensions: extensions });
    expect(data).toEqual([{}, { leak: true }, {}, { leak: true }]);
  });

  it('parses a run of documents with one processor as a fresh processor parses each alone', () => {
    const shared = unified().use(remarkParse).use(remarkGfm).freeze();
    const separator = fc.constantFrom('\n', '\n\n', '\n> ', '\n- ', '\n1. ', '\n```\n', '[^1]\n\n[^1]: x\n', '\n[a]: /b\n', '');
    const documentText = fc.array(fc.tuple(fc.oneof(text, block), separator), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([piece, between]) => piece + between).join(''));
    fc.assert(
      fc.property(fc.array(documentText, { minLength: 2, maxLength: 5 }), (documents) => {
        for (const markdown of documents) {
          expect(shared.parse(markdown)).toEqual(unified().use(remarkParse).use(remarkGfm).parse(markdown));
        }
      }),
      { numRuns: 150 },
    );
  });
});

/**
 * patches/micromark+4.0.3.patch: the constructs are combined once per list of syntax
 * extensions and reused (parsing never changes them), instead of once per document.
 */
describe('micromark, as patched: constructs combined once per list of extensions', () => {
  const extension: Extension = { text: { 64: { tokenize: (effects, ok, nok) => nok } } };

  it('reuses the constructs for the same list, and combines again for another list or the list changed in place', () => {
    const extensions: Extension[] = [extension];
    const first = parse({ extensions }).constructs;
    expect(parse({ extensions }).constructs).toBe(first);
    expect(parse({ extensions: [extension] }).constructs).not.toBe(first);
    expect(parse().constructs).toBe(parse({}).constructs);
    extensions.push({ text: { 35: { tokenize: (effects, ok, nok) => nok } } });
    const changed = parse({ extensions }).constructs;
    expect(changed).not.toBe(first);
    expect(changed.text[35]).toBeDefined();
    extensions[1] = { text: { 36: { tokenize: (effects, ok, nok) => nok } } };
    expect(parse({ extensions }).constructs.text[36]).toBeDefined();
  });

  it('keeps what is learnt while parsing (definitions) to the document', () => {
    const parser = parse();
    expect(parse().defined).not.toBe(parser.defined);
    expect(parse().constructs).toBe(parser.constructs);
  });
});
