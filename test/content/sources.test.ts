import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageSources } from '../../src/content/sources.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { makeSite } from '../helpers.ts';

describe('PageSources', () => {
  const page = { file: 'content/a.md', contentPath: 'a.md', url: '/a/', outputPath: 'a/index.html' };

  it('reads a file once, until it is invalidated', () => {
    const root = makeSite({ 'content/a.md': '# One' });
    const sources = new PageSources(root);
    expect(sources.read('content/a.md', [])).toBe('# One');
    writeFileSync(path.join(root, 'content/a.md'), '# Two');
    expect(sources.read('content/a.md', [])).toBe('# One');
    sources.invalidate('content/a.md');
    expect(sources.read('content/a.md', [])).toBe('# Two');
  });

  it('keeps the header object while the text is the same, and reports non-UTF-8 on every read', () => {
    const root = makeSite({});
    writeFileSync(path.join(root, 'bad.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const sources = new PageSources(root);
    expect(sources.header(page, '# A')).toBe(sources.header(page, '# A'));
    for (let run = 0; run < 2; run++) {
      const diagnostics: Diagnostic[] = [];
      sources.read('bad.md', diagnostics);
      expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['1:4 content/not-utf8']);
    }
  });
});
