import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/hashing/hash.ts';
import { DiskRenderCache, MemoryRenderCache } from '../../src/render/cache.ts';
import { temporaryFolder } from '../helpers.ts';

/** The files of the one pack a cache instance wrote. */
const packFiles = (dir: string) => {
  const names = readdirSync(path.join(dir, 'render'));
  expect(names).toHaveLength(2);
  const pack = names.find((name) => name.endsWith('.pack'))!;
  return { pack: path.join(dir, 'render', pack), index: path.join(dir, 'render', pack.replace(/\.pack$/, '.index')) };
};

describe('DiskRenderCache', () => {
  const key = hashOf('page');

  it('returns what was stored, across instances', () => {
    const dir = temporaryFolder('cache');
    new DiskRenderCache(dir).set(key, { html: '<p>x</p>' });
    expect(new DiskRenderCache(dir).get(key)).toEqual({ html: '<p>x</p>' });
  });

  it('stores many entries in one pack, readable by the next instance, and each later pack wins', () => {
    const dir = temporaryFolder('cache');
    const first = new DiskRenderCache(dir);
    const keys = Array.from({ length: 50 }, (_, i) => hashOf(`page ${i}`));
    keys.forEach((k, i) => first.set(k, { i, text: 'é'.repeat(i) }));
    first.close();
    expect(readdirSync(path.join(dir, 'render'))).toHaveLength(2);
    // Packs are ordered by the millisecond they were made in: the second one is later.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    const second = new DiskRenderCache(dir);
    keys.forEach((k, i) => expect(second.get(k)).toEqual({ i, text: 'é'.repeat(i) }));
    second.set(keys[0]!, { i: 'again' });
    second.close();
    expect(new DiskRenderCache(dir).get(keys[0]!)).toEqual({ i: 'again' });
    expect(new DiskRenderCache(dir).get(keys[1]!)).toEqual({ i: 1, text: 'é' });
  });

  it('writes nothing when nothing is stored', () => {
    const dir = temporaryFolder('cache');
    const cache = new DiskRenderCache(dir);
    expect(cache.get(key)).toBeUndefined();
    cache.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ignores a corrupted, truncated or misplaced entry instead of trusting it', () => {
    const dir = temporaryFolder('cache');
    const cache = new DiskRenderCache(dir);
    cache.set(key, { html: '<p>good</p>' });
    const file = packFiles(dir).pack;
    const original = readFileSync(file, 'utf8');

    writeFileSync(file, original.replace('good', 'evil'));
    expect(cache.get(key)).toBeUndefined();
    writeFileSync(file, original.slice(0, original.length - 5));
    expect(cache.get(key)).toBeUndefined();
    writeFileSync(file, original.replace(key, hashOf('other')));
    expect(cache.get(key)).toBeUndefined();
    writeFileSync(file, '');
    expect(cache.get(key)).toBeUndefined();
    writeFileSync(file, original);
    expect(cache.get(key)).toEqual({ html: '<p>good</p>' });
    // The pack gone: a miss, also for an instance that read the index before.
    const reader = new DiskRenderCache(dir);
    expect(reader.isEmpty()).toBe(false);
    writeFileSync(file, '');
    expect(reader.get(key)).toBeUndefined();
  });

  it('ignores index lines that are damaged, cut short or point past the pack', () => {
    const dir = temporaryFolder('cache');
    const cache = new DiskRenderCache(dir);
    cache.set(key, { html: '<p>good</p>' });
    cache.close();
    const { index } = packFiles(dir);
    const line = readFileSync(index, 'utf8');
    const [, offset, length] = line.trim().split(' ');
    for (const damaged of [
      `${line.trim()}`, // no newline: the build died while writing it
      `${key} ${offset} ${Number(length) + 1}\n`,
      `${key} ${Number(offset) + 1} ${length}\n`,
      `${key} ${offset} 999999\n`,
      `${key} ${offset} 999999999999999\n`,
      `${key}  ${offset} ${length}\n`,
      `${key.toUpperCase()} ${offset} ${length}\n`,
      'garbage\n',
    ]) {
      writeFileSync(index, damaged);
      expect(new DiskRenderCache(dir).get(key), damaged).toBeUndefined();
    }
    // A whole line after a damaged one still counts.
    writeFileSync(index, 'garbage\n');
    appendFileSync(index, line);
    expect(new DiskRenderCache(dir).get(key)).toEqual({ html: '<p>good</p>' });
  });

  it('refuses keys that could break its index', () => {
    const cache = new DiskRenderCache(temporaryFolder('cache'));
    expect(() => cache.set('a b\nc', 1)).toThrow(/not a cache key/);
  });

  it('removes the one-file-per-entry folders of earlier versions, and nothing else', () => {
    const dir = temporaryFolder('cache');
    for (const folder of ['ab', 'outputs', 'config', 'abc']) mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, 'ab', `${key.slice(2)}.json`), 'old entry');
    new DiskRenderCache(dir).close();
    expect(existsSync(path.join(dir, 'ab'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['abc', 'config', 'outputs']);
  });

  it('misses for a key never stored and for a cache folder that does not exist', () => {
    expect(new DiskRenderCache('/nonexistent/docsmith-cache').get(key)).toBeUndefined();
  });

  it('is empty (a cold build) until an entry is stored, whatever else the folder holds', () => {
    expect(new DiskRenderCache('/nonexistent/docsmith-cache').isEmpty()).toBe(true);
    const dir = temporaryFolder('cache');
    const cache = new DiskRenderCache(dir);
    expect(cache.isEmpty()).toBe(true);
    // The output manifest and the config bundle live in the same folder.
    mkdirSync(path.join(dir, 'outputs'));
    mkdirSync(path.join(dir, 'config'));
    expect(cache.isEmpty()).toBe(true);
    cache.set(key, { html: '<p>x</p>' });
    expect(cache.isEmpty()).toBe(false);
    expect(new DiskRenderCache(dir).isEmpty()).toBe(false);
  });
});

describe('MemoryRenderCache', () => {
  it('stores by key', () => {
    const cache = new MemoryRenderCache();
    cache.set('k', 1);
    expect(cache.get('k')).toBe(1);
    expect(cache.get('other')).toBeUndefined();
  });

  it('is empty until an entry is stored', () => {
    const cache = new MemoryRenderCache();
    expect(cache.isEmpty()).toBe(true);
    cache.set('k', 1);
    expect(cache.isEmpty()).toBe(false);
  });
});
