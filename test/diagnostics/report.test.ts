import { describe, expect, it } from 'vitest';
import { codeFrame, formatDiagnostics, summarize } from '../../src/diagnostics/report.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';

const d = (file: string, line: number, column: number, severity: 'error' | 'warning' = 'error'): Diagnostic => ({ file, line, column, severity, message: 'm', rule: 'r/x' });

describe('formatDiagnostics', () => {
  it('sorts by file and position and prints a frame', () => {
    const sources = new Map([['a.md', 'one\n\ttwo']]);
    expect(formatDiagnostics([d('b.md', 1, 1), d('a.md', 2, 3, 'warning')], { sources })).toBe(
      'a.md:2:3: warning: m [r/x]\n  2 | \ttwo\n    | \t ^\nb.md:1:1: error: m [r/x]',
    );
  });

  it('colours only when asked', () => {
    expect(formatDiagnostics([d('a.md', 1, 1)], { color: true })).toContain('\u001b[');
    expect(formatDiagnostics([d('a.md', 1, 1)])).not.toContain('\u001b[');
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
