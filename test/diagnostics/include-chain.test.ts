import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostics, formatDiagnosticsJson } from '../../src/diagnostics/report.ts';

const inPartial: Diagnostic = {
  file: 'templates/badge.liquid', line: 1, column: 11, severity: 'error', message: 'undefined placeholder "include.version"', rule: 'liquid/undefined-variable',
  includedFrom: [{ file: 'templates/card.liquid', line: 2, column: 3 }, { file: 'content/index.md', line: 3, column: 14 }],
};
const sites = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `content/p${i + 1}.md`, line: 4, column: 1 }));

describe('problems inside included templates', () => {
  it('are followed by the chain of includes, innermost first, under the source line', () => {
    const sources = new Map([['templates/badge.liquid', '<b>v{{ include.version }}</b>']]);
    expect(formatDiagnostics([inPartial], { sources })).toBe(
      [
        'templates/badge.liquid:1:11: error: undefined placeholder "include.version" [liquid/undefined-variable]',
        '  1 | <b>v{{ include.version }}</b>',
        '    |           ^',
        '  included from templates/card.liquid:2:3',
        '  included from content/index.md:3:14',
      ].join('\n'),
    );
  });

  it('name a few of the other places that include the template, and count the rest', () => {
    expect(formatDiagnostics([{ ...inPartial, alsoIncludedFrom: sites(2) }]).split('\n').at(-1)).toBe('  also included from content/p1.md:4:1, content/p2.md:4:1');
    expect(formatDiagnostics([{ ...inPartial, alsoIncludedFrom: sites(99) }]).split('\n').at(-1)).toBe('  also included from content/p1.md:4:1, content/p2.md:4:1, content/p3.md:4:1 and 96 more');
  });

  it('keep every place in --format json', () => {
    const json = JSON.parse(formatDiagnosticsJson([{ ...inPartial, alsoIncludedFrom: sites(99) }])) as { diagnostics: Diagnostic[] };
    expect(json.diagnostics[0]!.includedFrom).toEqual(inPartial.includedFrom);
    expect(json.diagnostics[0]!.alsoIncludedFrom).toHaveLength(99);
  });
});
