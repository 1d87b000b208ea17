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
    const root = makeSite({ 'content/index.md': '', 'content/a.md': '', 'content/a/index.md': '', 'content/B.md': '', 'content/b.md': '' });
    expect(discoverContent(root).diagnostics.map((d) => d.message)).toEqual([
      '"content/a.md" and "content/a/index.md" would both be written to "a/index.html"',
      '"content/b.md" and "content/B.md" would both be written to "b/index.html"',
    ]);
  });

  it('serves a folder\'s README.md as its index, as GitHub shows it, and names both when there is an index.md too', () => {
    const root = makeSite({ 'content/README.md': '', 'content/cli/README.md': '', 'content/sdk/readme.md': '', 'content/sdk/index.md': '' });
    const found = discoverContent(root);
    expect(found.pages.map((page) => [page.contentPath, page.url])).toEqual([
      ['README.md', '/'], ['cli/README.md', '/cli/'], ['sdk/index.md', '/sdk/'], ['sdk/readme.md', '/sdk/'],
    ]);
    expect(found.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      'content/sdk/readme.md: "content/sdk/readme.md" and "content/sdk/index.md" would both be written to "sdk/index.html"; a README.md is its folder\'s index only where there is no index.md: rename or merge one of them',
    ]);
  });

  it('warns when the site has no home page', () => {
    const found = discoverContent(makeSite({ 'content/guide/index.md': '' }));
    expect(found.diagnostics).toEqual([{
      file: 'content', line: 1, column: 1, severity: 'warning', rule: 'content/no-home-page',
      message: 'the site has no home page, so its address shows "not found"; add content/index.md (or content/README.md)',
    }]);
    expect(discoverContent(makeSite({ 'content/README.md': '' })).diagnostics).toEqual([]);
  });

  it('does not follow a symlink out of content/', () => {
    const root = makeSite({ 'content/index.md': '', 'secret.md': 'secret' });
    symlinkSync(path.join(root, 'secret.md'), path.join(root, 'content/leak.md'));
    const found = discoverContent(root);
    expect(found.pages.map((p) => p.file)).toEqual(['content/index.md']);
    expect(found.diagnostics).toMatchObject([{ file: 'content/leak.md', rule: 'content/symlink-outside' }]);
  });
});
