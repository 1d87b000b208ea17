import { describe, expect, it } from 'vitest';
import { PreviewWriter } from '../../src/dev/preview-writer.ts';
import type { Writer } from '../../src/output/writer.ts';

/** What a build's plan does: carry a file over when the current output holds it from the same fingerprint. */
function keep(writer: Writer, file: string, fingerprint: string): boolean {
  const held = writer.current.holds(file, fingerprint);
  if (held) writer.carry(file, fingerprint);
  return held;
}

describe('PreviewWriter', () => {
  it('commits a build that succeeded, and keeps a failed one aside instead of throwing it away', () => {
    const writer = new PreviewWriter();
    writer.write('a/index.html', 'A1', 'key-a1');
    writer.abort();
    expect(writer.files.size).toBe(0);
    expect(writer.failedFiles).toEqual(new Map([['a/index.html', 'A1']]));

    writer.write('a/index.html', 'A2', 'key-a2');
    writer.commit();
    expect(writer.files).toEqual(new Map([['a/index.html', 'A2']]));
    expect(writer.failedFiles).toBeUndefined();
  });

  it('keeps a page from the last good build or the last failed one, by fingerprint', () => {
    const writer = new PreviewWriter();
    writer.write('good/index.html', 'G', 'key-g');
    writer.commit();
    writer.write('new/index.html', 'N', 'key-n');
    expect(keep(writer, 'good/index.html', 'key-g')).toBe(true);
    writer.abort();
    // The next run, still failing: both pages are kept, not laid out again.
    expect(keep(writer, 'new/index.html', 'key-n')).toBe(true);
    expect(keep(writer, 'good/index.html', 'key-g')).toBe(true);
    expect(keep(writer, 'good/index.html', 'key-other')).toBe(false);
    writer.commit();
    expect(writer.files).toEqual(new Map([['new/index.html', 'N'], ['good/index.html', 'G']]));
  });
});
