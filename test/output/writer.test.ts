import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsafeOutputReason } from '../../src/output/guard.ts';
import { DiskWriter, MemoryWriter, OUTPUT_MARKER } from '../../src/output/writer.ts';
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
