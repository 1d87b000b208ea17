import { describe, expect, it } from 'vitest';
import { codeFrame, formatDiagnostics, formatDiagnosticsJson, summarize } from '../../src/diagnostics/report.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';

const d = (file: string, line: number, column: number, severity: 'error' | 'warning' = 'error'): Diagnostic => ({ file, line, column, severity, message: 'm', rule: 'liquid/syntax' });

describe('formatDiagnostics', () => {
  it('sorts by file and position and prints a frame', () => {
    const sources = new Map([['a.md', 'one\n\ttwo']]);
    expect(formatDiagnostics([d('b.md', 1, 1), d('a.md', 2, 3, 'warning')], { sources })).toBe(
      'a.md:2:3: warning: m [liquid/syntax]\n  2 | \ttwo\n    | \t ^\nb.md:1:1: error: m [liquid/syntax]',
    );
  });

  it('colours only when asked', () => {
    expect(formatDiagnostics([d('a.md', 1, 1)], { color: true })).toContain('\u001b[');
    expect(formatDiagnostics([d('a.md', 1, 1)])).not.toContain('\u001b[');
  });
});

describe('formatDiagnostics: a problem repeated in a file', () => {
  const UNDEFINED = 'undefined placeholder "site.repo"; did you mean "page.metadata.repo"?';
  const repeated = (file: string, lines: number[]): Diagnostic[] =>
    lines.map((line) => ({ file, line, column: 7, severity: 'error', message: UNDEFINED, rule: 'liquid/undefined-variable' }));

  it('prints the first three in full, then one line with the count and the lines of the rest', () => {
    const source = Array.from({ length: 20 }, (_, i) => `- fix ${i + 1} ({{ site.repo }})`).join('\n');
    const diagnostics = [
      ...repeated('content/changes.md', [2, 4, 6, 8, 8, 11]),
      { file: 'content/changes.md', line: 5, column: 1, severity: 'warning' as const, message: 'kramdown attribute list "{: .note}" is not supported', rule: 'markdown/kramdown-attributes' as const },
      ...repeated('content/other.md', [1, 2]),
    ];
    expect(formatDiagnostics(diagnostics, { sources: new Map([['content/changes.md', source]]) })).toBe(
      [
        'content/changes.md:2:7: error: undefined placeholder "site.repo"; did you mean "page.metadata.repo"? [liquid/undefined-variable]',
        '  2 | - fix 2 ({{ site.repo }})',
        '    |       ^',
        'content/changes.md:4:7: error: undefined placeholder "site.repo"; did you mean "page.metadata.repo"? [liquid/undefined-variable]',
        '  4 | - fix 4 ({{ site.repo }})',
        '    |       ^',
        'content/changes.md:5:1: warning: kramdown attribute list "{: .note}" is not supported [markdown/kramdown-attributes]',
        '  5 | - fix 5 ({{ site.repo }})',
        '    | ^',
        'content/changes.md:6:7: error: undefined placeholder "site.repo"; did you mean "page.metadata.repo"? [liquid/undefined-variable]',
        '  6 | - fix 6 ({{ site.repo }})',
        '    |       ^',
        'content/changes.md: … and 3 more of this problem (undefined placeholder "site.repo") at lines 8, 11',
        'content/other.md:1:7: error: undefined placeholder "site.repo"; did you mean "page.metadata.repo"? [liquid/undefined-variable]',
        'content/other.md:2:7: error: undefined placeholder "site.repo"; did you mean "page.metadata.repo"? [liquid/undefined-variable]',
      ].join('\n'),
    );
  });

  it('keeps the folded line short for thousands of copies, and every copy in the JSON and the summary', () => {
    const lines = Array.from({ length: 3007 }, (_, i) => 10 + i * 3);
    const diagnostics = repeated('content/history.md', lines);
    const text = formatDiagnostics(diagnostics).split('\n');
    expect(text).toHaveLength(4);
    expect(text[3]).toBe('content/history.md: … and 3,004 more of this problem (undefined placeholder "site.repo") at lines 19, 22, 25, 28, 31, 34, 37, … 9028');
    expect(JSON.parse(formatDiagnosticsJson(diagnostics)).diagnostics).toHaveLength(3007);
    expect(summarize(diagnostics)).toBe('3007 errors, 0 warnings');
  });

  it('names a long problem by the start of its message', () => {
    const long = 'link to a missing page "./reference/configuration/advanced/network-timeouts.md"; did you mean "./reference/timeouts.md"?';
    const diagnostics = [1, 2, 3, 4].map((line): Diagnostic => ({ file: 'a.md', line, column: 1, severity: 'error', message: long, rule: 'links/missing-page' }));
    expect(formatDiagnostics(diagnostics).split('\n').at(-1)).toBe('a.md: … and 1 more of this problem (link to a missing page "./reference/configuration/advanced/…) at line 4');
  });

  it('says "line" when the rest share one line, and folds only the same message', () => {
    const once = [...repeated('a.md', [1, 2, 3, 3, 3]), { ...repeated('a.md', [3])[0]!, message: 'undefined placeholder "site.url"' }];
    expect(formatDiagnostics(once).split('\n').slice(-2)).toEqual([
      'a.md: … and 2 more of this problem (undefined placeholder "site.repo") at line 3',
      'a.md:3:7: error: undefined placeholder "site.url" [liquid/undefined-variable]',
    ]);
  });
});

describe('codeFrame and summarize', () => {
  it('skips a frame for a line that does not exist', () => {
    expect(codeFrame('a', 5, 1)).toBeUndefined();
  });
  it('counts errors and warnings', () => {
    expect(summarize([d('a', 1, 1), d('a', 1, 1, 'warning'), d('a', 1, 1, 'warning')])).toBe('1 error, 2 warnings');
  });
});
