import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskRenderCache, hashOf, MemoryRenderCache } from '../../src/render/cache.ts';

const entryFile = (dir: string) => {
  const [shard] = readdirSync(dir);
  const [file] = readdirSync(path.join(dir, shard!));
  return path.join(dir, shard!, file!);
};

describe('hashOf', () => {
  it('does not confuse where one part ends and the next begins', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
    expect(hashOf('a', 'b')).toBe(hashOf('a', 'b'));
  });
});

describe('DiskRenderCache', () => {
  const key = hashOf('page');

  it('returns what was stored, across instances', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'docsmith-cache-'));
    new DiskRenderCache(dir).set(key, { html: '<p>x</p>' });
    expect(new DiskRenderCache(dir).get(key)).toEqual({ html: '<p>x</p>' });
  });

  it('ignores a corrupted, truncated or misplaced entry instead of trusting it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'docsmith-cache-'));
    const cache = new DiskRenderCache(dir);
    cache.set(key, { html: '<p>good</p>' });
    const file = entryFile(dir);
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
  });

  it('misses for a key never stored and for a cache folder that does not exist', () => {
    expect(new DiskRenderCache('/nonexistent/docsmith-cache').get(key)).toBeUndefined();
  });

  it('is empty (a cold build) until an entry is stored, whatever else the folder holds', () => {
    expect(new DiskRenderCache('/nonexistent/docsmith-cache').isEmpty()).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'docsmith-cache-'));
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
