import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverContent, outputPathForUrl, pageUrl } from '../../src/content/discover.ts';
import { makeSite } from '../helpers.ts';

describe('pageUrl', () => {
  it('gives clean URLs', () => {
    expect(pageUrl('index.md')).toBe('/');
    expect(pageUrl('api/index.md')).toBe('/api/');
    expect(pageUrl('api/users.md')).toBe('/api/users/');
    expect(outputPathForUrl('/api/users/')).toBe('api/users/index.html');
    expect(outputPathForUrl('/')).toBe('index.html');
  });
});

describe('discoverContent', () => {
  it('lists pages and assets in a stable order', () => {
    const root = makeSite({ 'content/index.md': '', 'content/b.md': '', 'content/a/index.md': '', 'content/img/x.png': 'png', 'content/.DS_Store': '' });
    const found = discoverContent(root);
    expect(found.pages.map((p) => [p.file, p.url, p.outputPath])).toEqual([
      ['content/a/index.md', '/a/', 'a/index.html'],
      ['content/b.md', '/b/', 'b/index.html'],
      ['content/index.md', '/', 'index.html'],
    ]);
    expect(found.assets).toEqual([{ file: 'content/img/x.png', outputPath: 'img/x.png' }]);
    expect(found.diagnostics).toEqual([]);
  });

  it('reports two sources for one URL, naming both', () => {
    const root = makeSite({ 'content/a.md': '', 'content/a/index.md': '', 'content/B.md': '', 'content/b.md': '' });
    expect(discoverContent(root).diagnostics.map((d) => d.message)).toEqual([
      '"content/a.md" and "content/a/index.md" would both be written to "a/index.html"',
      '"content/b.md" and "content/B.md" would both be written to "b/index.html"',
    ]);
  });

  it('does not follow a symlink out of content/', () => {
    const root = makeSite({ 'content/index.md': '', 'secret.md': 'secret' });
    symlinkSync(path.join(root, 'secret.md'), path.join(root, 'content/leak.md'));
    const found = discoverContent(root);
    expect(found.pages.map((p) => p.file)).toEqual(['content/index.md']);
    expect(found.diagnostics).toMatchObject([{ file: 'content/leak.md', rule: 'content/symlink-outside' }]);
  });
});
