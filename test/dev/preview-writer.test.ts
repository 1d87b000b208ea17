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

  it('drops at commit what the run neither wrote nor carried, and reads what the run has so far', () => {
    const writer = new PreviewWriter();
    writer.write('a/index.html', 'A', 'key-a');
    writer.write('b/index.html', 'B', 'key-b');
    writer.write('c/index.html', 'C', 'key-c');
    writer.commit();
    const served = writer.files;

    expect(keep(writer, 'a/index.html', 'key-a')).toBe(true);
    writer.write('b/index.html', 'B2', 'key-b2');
    expect(writer.read('a/index.html')).toBe('A');
    expect(writer.read('b/index.html')).toBe('B2');
    expect(writer.read('c/index.html')).toBeUndefined(); // not this run's (yet)
    writer.commit();
    expect(writer.files).toEqual(new Map([['a/index.html', 'A'], ['b/index.html', 'B2']]));
    // The map served is updated in place: the server keeps serving the same object.
    expect(writer.files).toBe(served);
    expect(writer.current.holds('c/index.html', 'key-c')).toBe(false);
  });

  it('lets the later of a write and a carry of one file win', () => {
    const writer = new PreviewWriter();
    writer.write('a/index.html', 'A', 'key-a');
    writer.commit();
    writer.write('a/index.html', 'A2', 'key-a2');
    writer.carry('a/index.html', 'key-a');
    writer.commit();
    expect(writer.files.get('a/index.html')).toBe('A');
    writer.carry('a/index.html', 'key-a');
    writer.write('a/index.html', 'A3', 'key-a3');
    writer.commit();
    expect(writer.files.get('a/index.html')).toBe('A3');
  });

  it('keeps aside, when a run fails, the committed files it carried as well as those it wrote', () => {
    const writer = new PreviewWriter();
    writer.write('a/index.html', 'A', 'key-a');
    writer.write('b/index.html', 'B', 'key-b');
    writer.commit();
    keep(writer, 'a/index.html', 'key-a');
    writer.write('n/index.html', 'N', 'key-n');
    writer.abort();
    expect(writer.failedFiles).toEqual(new Map([['n/index.html', 'N'], ['a/index.html', 'A']]));
    // The last good build is still served whole.
    expect(writer.files).toEqual(new Map([['a/index.html', 'A'], ['b/index.html', 'B']]));
    expect(writer.read('a/index.html')).toBeUndefined();
  });
});
