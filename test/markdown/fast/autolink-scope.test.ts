import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkAutolinkScope } from '../../../src/markdown/fast/autolink-scope.ts';
import { block, text } from '../../fuzz/arbitraries.ts';

const gfmAlone = unified().use(remarkParse).use(remarkGfm).freeze();
const scoped = unified().use(remarkParse).use(remarkGfm).use(remarkAutolinkScope).freeze();

/** The whole tree, positions included. */
const tree = (processor: typeof gfmAlone, source: string) => JSON.stringify(processor.runSync(processor.parse(source)));

/** Text around the things GFM turns into links, and the things that look like them. */
const autolinkish = fc.constantFrom(
  'https://example.com/a_b_(c)?d=e.',
  'http://x.org',
  'HTTPS://EXAMPLE.COM',
  'www.example.com/path*',
  'www.x',
  'wwwexample.com',
  'a.b-c@example.co.uk',
  'me@x.y_',
  'mailto:a@b.cd',
  'xmpp:a@b.cd/res',
  'xmpp:a@b.cd/res@',
  '@mention',
  'foo@bar',
  '&#64;',
  'www&#46;example.com',
  'https\\://example.com',
  '[www.in-a-link.com](https://x.y)',
  '<https://angle.example>',
  '`https://in-code.example`',
  '*https://emphasised.example*',
  '| https://cell.example | b@c.de |\n| --- | --- |\n| www.x.y | z |',
  '[^1]: https://footnote.example',
  '> quoted www.quote.example',
  '- item https://list.example\n  - nested a@b.cd',
  '```\nhttps://fenced.example\n```',
);

describe('remarkAutolinkScope', () => {
  it('gives the tree remark-gfm gives, on pages full of URLs, emails and look-alikes', () => {
    const part = fc.tuple(fc.oneof(autolinkish, text, block), fc.constantFrom(' ', '\n', '\n\n', ''));
    const source = fc.array(part, { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));
    fc.assert(
      fc.property(source, (markdown) => {
        expect(tree(scoped, markdown)).toBe(tree(gfmAlone, markdown));
      }),
      { numRuns: 400 },
    );
  });

  it('still links what GFM links', () => {
    const html = JSON.stringify(scoped.runSync(scoped.parse('See https://example.com and a@b.cd.\n\nNothing here.\n')));
    expect(html).toContain('"url":"https://example.com"');
    expect(html).toContain('"url":"mailto:a@b.cd"');
  });

  it('refuses to run without remark-gfm before it, instead of silently not linking', () => {
    expect(() => unified().use(remarkParse).use(remarkAutolinkScope).freeze()).toThrow(/use it right after remark-gfm/);
  });
});
