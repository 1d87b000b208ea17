import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsafeOutputReason } from '../../src/output/guard.ts';
import { contentFingerprint as contentFingerprintOf, DiskWriter, MemoryWriter, OUTPUT_MARKER, type Writer } from '../../src/output/writer.ts';
import { makeSite } from '../helpers.ts';

describe('DiskWriter', () => {
  it('swaps the new output in only on commit', () => {
    const root = makeSite({ 'dist/old.html': 'old', [`dist/${OUTPUT_MARKER}`]: '' });
    const out = path.join(root, 'dist');
    const writer = new DiskWriter(out);
    writer.write('index.html', 'new');
    expect(readFileSync(path.join(out, 'old.html'), 'utf8')).toBe('old');
    writer.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(out, 'old.html'))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['dist']);
  });

  it('leaves the previous output untouched on abort', () => {
    const root = makeSite({ 'dist/old.html': 'old', [`dist/${OUTPUT_MARKER}`]: '' });
    const writer = new DiskWriter(path.join(root, 'dist'));
    writer.write('index.html', 'new');
    writer.abort();
    expect(readdirSync(path.join(root, 'dist')).sort()).toEqual([OUTPUT_MARKER, 'old.html']);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  // Files are written on a thread of their own (ThreadedWrites): what the writer answers
  // must not depend on whether that thread has caught up.
  it('writes more files than its thread queues at once, and the last content of a file written twice', () => {
    const root = makeSite({});
    const out = path.join(root, 'dist');
    const manifest = path.join(root, 'cache', 'output.json');
    const writer = new DiskWriter(out, { manifest });
    for (let i = 0; i < 600; i++) writer.write(`section-${i % 7}/page-${i}/index.html`, `page ${i}`);
    writer.write('section-0/page-0/index.html', 'written again, longer');
    expect(writer.read('section-0/page-0/index.html')).toBe('written again, longer');
    writer.commit();
    expect(readFileSync(path.join(out, 'section-4/page-599/index.html'), 'utf8')).toBe('page 599');
    expect(readFileSync(path.join(out, 'section-0/page-0/index.html'), 'utf8')).toBe('written again, longer');
    // Sizes and times as the thread found them: the next build keeps the files.
    const recorded = JSON.parse(readFileSync(manifest, 'utf8')) as { files: Record<string, [string, number, number]> };
    expect(recorded.files['section-0/page-0/index.html']![1]).toBe('written again, longer'.length);
    const next = new DiskWriter(out, { manifest });
    expect(next.current.holds('section-4/page-599/index.html', contentFingerprintOf('page 599'))).toBe(true);
    next.abort();
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
    // Replaced: the previous output is deleted, part of it by the writing thread.
    const again = new DiskWriter(out, { manifest });
    for (let i = 0; i < 600; i += 2) again.write(`section-${i % 7}/page-${i}/index.html`, `page ${i}, again`);
    again.commit();
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
    expect(readdirSync(path.join(out, 'section-4')).length).toBe(43);
    expect(readFileSync(path.join(out, 'section-4/page-592/index.html'), 'utf8')).toBe('page 592, again');
  });

  it('fails the commit with the reason when a file cannot be written, and leaves the previous output', () => {
    const root = makeSite({ 'dist/old.html': 'old', [`dist/${OUTPUT_MARKER}`]: '' });
    const writer = new DiskWriter(path.join(root, 'dist'));
    writer.write('guide', 'a file where a folder is needed next');
    writer.write('guide/index.html', 'cannot be written');
    writer.write('index.html', 'home');
    expect(() => writer.commit()).toThrow(/^could not write guide\/index\.html into the output: ENOTDIR: not a directory, open '.*guide\/index\.html'$/);
    writer.abort();
    expect(readdirSync(path.join(root, 'dist')).sort()).toEqual([OUTPUT_MARKER, 'old.html']);
    expect(readdirSync(root)).toEqual(['dist']);
  });
});

/** What a build's plan does: carry a file over when the current output holds it from the same fingerprint. */
function keep(writer: Writer, file: string, fingerprint: string): boolean {
  const held = writer.current.holds(file, fingerprint);
  if (held) writer.carry(file, fingerprint);
  return held;
}

describe('DiskWriter carrying over files a previous build wrote', () => {
  /** A site with an output folder written once through a writer that records what it wrote. */
  function written(files: Record<string, string>) {
    const root = makeSite({});
    const out = path.join(root, 'dist');
    const manifest = path.join(root, 'cache', 'output.json');
    const first = new DiskWriter(out, { manifest });
    for (const [file, content] of Object.entries(files)) first.write(file, content, `key-${content}`);
    first.commit();
    return { root, out, manifest, next: () => new DiskWriter(out, { manifest }) };
  }
  const inode = (file: string) => statSync(file).ino;

  it('leaves the output folder as it is when every file is kept and none is gone', () => {
    const { root, out, next } = written({ 'index.html': 'home', 'guide/index.html': 'guide' });
    const before = { dir: inode(out), page: inode(path.join(out, 'guide/index.html')) };
    const writer = next();
    expect(keep(writer, 'index.html', 'key-home')).toBe(true);
    expect(keep(writer, 'guide/index.html', 'key-guide')).toBe(true);
    writer.commit();
    expect({ dir: inode(out), page: inode(path.join(out, 'guide/index.html')) }).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
  });

  it('reads back what the new output holds so far, written or kept, before the commit', () => {
    const { next } = written({ 'a.md': 'old a', 'b.md': 'b' });
    const writer = next();
    writer.carry('b.md', 'key-b');
    writer.write('a.md', 'new a', 'key-new');
    expect([writer.read('a.md'), writer.read('b.md'), writer.read('c.md')]).toEqual(['new a', 'b', undefined]);
    writer.abort();
  });

  it('keeps unchanged files and writes changed ones; a file no longer written is gone', () => {
    const { out, next } = written({ 'index.html': 'home', 'guide/index.html': 'guide', 'old/index.html': 'old' });
    const writer = next();
    expect(keep(writer, 'index.html', 'key-home')).toBe(true);
    expect(keep(writer, 'guide/index.html', 'key-guide-2')).toBe(false);
    writer.write('guide/index.html', 'guide 2', 'key-guide-2');
    writer.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('home');
    expect(readFileSync(path.join(out, 'guide/index.html'), 'utf8')).toBe('guide 2');
    expect(existsSync(path.join(out, 'old/index.html'))).toBe(false);
    // And what it recorded serves the build after it.
    const third = next();
    expect(keep(third, 'guide/index.html', 'key-guide-2')).toBe(true);
    expect(keep(third, 'index.html', 'key-home')).toBe(true);
  });

  it('knows the size of the output it made, written and kept files alike, without reading the folder', () => {
    const folderBytes = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
    const { out, next } = written({ 'index.html': 'home', 'guide/index.html': 'guïde ✓', 'old/index.html': 'old' });
    // Kept and written, a file written as bytes, a file gone.
    const writer = next();
    keep(writer, 'index.html', 'key-home');
    writer.write('guide/index.html', 'guïde ✓ 2', 'key-guide-2');
    writer.write('logo.png', new Uint8Array([1, 2, 3]));
    writer.commit();
    expect(writer.outputBytes).toBe(folderBytes(out));
    // Everything kept: the folder is left as it is.
    const same = next();
    for (const file of ['index.html', 'guide/index.html', 'logo.png']) expect(keep(same, file, file === 'logo.png' ? contentFingerprintOf(new Uint8Array([1, 2, 3])) : file === 'index.html' ? 'key-home' : 'key-guide-2')).toBe(true);
    same.commit();
    expect(same.outputBytes).toBe(folderBytes(out));
  });

  it('writes what was written last when a file is both kept and written', () => {
    const { out, next } = written({ 'a.html': 'old', 'b.html': 'bbb' });
    const writer = next();
    expect(keep(writer, 'a.html', 'key-old')).toBe(true);
    writer.write('a.html', 'new', 'key-new');
    writer.carry('a.html', 'key-old');
    writer.commit();
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(out, 'b.html'))).toBe(false);
  });

  it('writes again a file that was edited or deleted by hand, whatever the record says', () => {
    const { out, next } = written({ 'a.html': 'aaa', 'b.html': 'bbb' });
    writeFileSync(path.join(out, 'a.html'), 'edited by hand');
    rmSync(path.join(out, 'b.html'));
    const writer = next();
    expect(keep(writer, 'a.html', 'key-aaa')).toBe(false);
    expect(keep(writer, 'b.html', 'key-bbb')).toBe(false);
  });

  it('trusts no record that is damaged, or made for another output folder', () => {
    const { root, out, manifest, next } = written({ 'a.html': 'aaa' });
    writeFileSync(manifest, '{"version":1,"outDir":');
    expect(keep(next(), 'a.html', 'key-aaa')).toBe(false);
    writeFileSync(manifest, JSON.stringify({ version: 1, outDir: path.join(root, 'elsewhere'), files: { 'a.html': ['key-aaa', 3, statSync(path.join(out, 'a.html')).mtimeMs] } }));
    expect(keep(next(), 'a.html', 'key-aaa')).toBe(false);
  });

  it('keeps a folder whole or not at all', () => {
    const { out, next } = written({ 'pagefind/a.pf': 'x', 'pagefind/b.pf': 'y' });
    // Written with per-file keys above; a folder is kept only when all share the fingerprint.
    expect(next().current.folder('pagefind', 'key-x')).toBeUndefined();
    const writer = next();
    writer.write('pagefind/a.pf', 'x', 'index-1');
    writer.write('pagefind/b.pf', 'y', 'index-1');
    writer.commit();
    expect(next().current.folder('pagefind', 'index-1')).toEqual(['pagefind/a.pf', 'pagefind/b.pf']);
    rmSync(path.join(out, 'pagefind/b.pf'));
    expect(next().current.folder('pagefind', 'index-1')).toBeUndefined();
  });
});

describe('MemoryWriter', () => {
  it('shows files only after commit', () => {
    const writer = new MemoryWriter();
    writer.write('a.html', 'x');
    expect(writer.files.size).toBe(0);
    writer.commit();
    expect(writer.text('a.html')).toBe('x');
  });
});

describe('unsafeOutputReason', () => {
  it('refuses the site root, its parents, and folders holding sources', () => {
    const root = makeSite({ 'content/index.md': '', 'other/content/x.md': '', 'mine/file.txt': '' });
    expect(unsafeOutputReason(root, root)).toMatch(/is the site root or contains it/);
    expect(unsafeOutputReason(root, path.dirname(root))).toMatch(/is the site root or contains it/);
    expect(unsafeOutputReason(root, path.join(root, 'other'))).toMatch(/contains "content"/);
    expect(unsafeOutputReason(root, path.join(root, 'mine'))).toMatch(/was not made by this generator/);
  });

  it('accepts a new folder, an empty one, and its own output', () => {
    const root = makeSite({ 'content/index.md': '', [`dist/${OUTPUT_MARKER}`]: '' });
    mkdirSync(path.join(root, 'empty'));
    expect(unsafeOutputReason(root, path.join(root, 'dist'))).toBeUndefined();
    expect(unsafeOutputReason(root, path.join(root, 'empty'))).toBeUndefined();
    expect(unsafeOutputReason(root, path.join(root, 'new'))).toBeUndefined();
  });
});
