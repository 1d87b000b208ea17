import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { lineFlags, remarkGfmLineGates } from '../../../src/markdown/fast/gfm-line-gates.ts';
import { dialects } from '../../../bench/dialects.ts';
import { renderPageBody } from '../../../bench/pages.ts';
import { planSite } from '../../../bench/plan.ts';
import { block, text } from '../../fuzz/arbitraries.ts';

const gfmAlone = unified().use(remarkParse).use(remarkGfm).freeze();
const gated = unified().use(remarkParse).use(remarkGfm).use(remarkGfmLineGates).freeze();

/** The whole tree, positions included. */
const tree = (processor: typeof gfmAlone, source: string) => JSON.stringify(processor.parse(source));

/** Tables, near-tables and things that look like delimiter rows, in and out of containers. */
const tableish = fc.constantFrom(
  '| a | b |\n| --- | :-: |\n| c | d |',
  'a | b\n-|-\nc',
  'abc\n:--\ndef',
  'abc\n---',
  'a|b\n---',
  '---|---',
  '| a |\n| - |\nlazy row\nmore | rows',
  '> | a |\n> | - |\n> | b |',
  '> | a |\n| - |',
  '- | a |\n  | - |\n  row',
  '- a | b\n- -|-',
  '1. x|y\n   --|--\n   z',
  'x|y\r\n--|--\r\nz',
  'x|y\r--|--\rz',
  '\t| a |\n\t|---|',
  '   | a |\n   | - |',
  '    | a |\n    | - |',
  '[^1]: | a |\n    | - |',
  '| a |\n|:-:|:-:|',
  '| a | b |\n| - |',
  'text\n| a |\n| - |',
  '| `a|b` | c |\n| --- | --- |',
  '| a \\| b |\n| --- |',
  '|\n|-',
  '| a |\n| -- | \t',
  '<div>\n| a |\n| - |\n</div>',
  '```\n| a |\n```\n| - |',
);

/** Text around the things GFM turns into links, and the things that look like them. */
const autolinkish = fc.constantFrom(
  'https://example.com/a_b_(c)?d=e.',
  'HTTPS://EXAMPLE.COM',
  'ftp://not-gfm.example',
  'www.example.com/path*',
  'WWW.EXAMPLE.COM',
  'wwwexample.com',
  'a.b-c@example.co.uk',
  'a_b@c.de',
  'x+y@z.io',
  'me@x.y_',
  'mailto:a@b.cd',
  'xmpp:a@b.cd/res',
  '@mention',
  'foo@\nbar.com',
  'foo\n@bar.com',
  'www\n.example.com',
  'https:/\n/example.com',
  '*a@b.cd*',
  '_https://x.y_',
  '[a@b.cd](u)',
  '![www.x.y](u)',
  '[link www.x.y',
  '~~www.x.y~~',
  '| www.x.y | a@b.cd |\n| --- | --- |\n| https://x.y | z |',
);

const separator = fc.constantFrom(' ', '\n', '\n\n', '\r\n', '\r', '\n> ', '\n  ', '\n- ', '');

describe('remarkGfmLineGates', () => {
  it('gives the tree remark-gfm gives, positions included, on generated pages', () => {
    const part = fc.tuple(fc.oneof(tableish, autolinkish, text, block), separator);
    const source = fc
      .array(part, { minLength: 1, maxLength: 14 })
      .map((parts) => parts.map(([piece, between]) => piece + between).join(''));
    fc.assert(
      fc.property(source, (markdown) => {
        expect(tree(gated, markdown)).toBe(tree(gfmAlone, markdown));
      }),
      { numRuns: 600 },
    );
  });

  it('gives the tree remark-gfm gives on the benchmark’s API pages and this site’s own pages', () => {
    const plans = planSite(40, 1).filter((plan) => plan.section);
    // Placeholders as Liquid leaves them: URLs.
    const pages = plans.map((plan) => renderPageBody(plan, plans, dialects.docsmith).replace(/\{\{[^}]*\}\}/g, 'https://api.example.com/v2'));
    for (const file of readdirSync('content', { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.md')) pages.push(readFileSync(join('content', file), 'utf8'));
    }
    for (const page of pages) expect(tree(gated, page)).toBe(tree(gfmAlone, page));
  });

  it('still finds tables and links', () => {
    const root = JSON.stringify(gated.parse('| a | b |\n| - | - |\n| www.x.y | a@b.cd |\n\nSee https://example.com.\n'));
    expect(root).toContain('"type":"table"');
    expect(root).toContain('"url":"http://www.x.y"');
    expect(root).toContain('"url":"mailto:a@b.cd"');
    expect(root).toContain('"url":"https://example.com"');
  });

  it('marks each line, counting lines the way micromark does', () => {
    expect([...lineFlags('a@b\r\nwww.x\rhttp://y\n| - |\n- item: x\n> :-:')]).toEqual([0, 1, 2, 4, 8, 0, 8, 0]);
  });

  it('refuses to run without remark-gfm before it, instead of silently gating nothing', () => {
    expect(() => unified().use(remarkParse).use(remarkGfmLineGates).freeze()).toThrow(/use it right after remark-gfm/);
  });
});
