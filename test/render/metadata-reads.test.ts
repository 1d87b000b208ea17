import { describe, expect, it } from 'vitest';
import { ContentKeys, metadataReads } from '../../src/render/metadata-reads.ts';

const reads = (...placeholders: string[]) => metadataReads({ placeholders, diagnostics: [] });

describe('metadataReads', () => {
  it('names the keys read by name, in either scope, quoted or not', () => {
    expect(reads('page.metadata.api_base_url', 'site.metadata.product-name', "page.metadata['a b']", 'page.metadata["c"]', 'page.metadata.api_base_url')).toEqual(['a b', 'api_base_url', 'c', 'product-name']);
    // Deeper paths read the key's whole value.
    expect(reads('page.metadata.list[0]', 'page.metadata.server.url')).toEqual(['list', 'server']);
  });

  it('reads nothing of the metadata for other variables', () => {
    expect(reads('page.title', 'site.base', 'item', 'pages.metadata.x', 'sites')).toEqual([]);
  });

  it('reads all of it when a key could be reached by a name not written out', () => {
    for (const path of ['page.metadata[k]', 'page.metadata', 'site.metadata', 'page', 'site', 'page[k]', 'page.metadata[page.k]']) expect(reads('page.title', path)).toBe('*');
  });

  it('reads the variant through variant.*, an ifvariant tag and page.url, which has its path', () => {
    expect(reads('variant.name', 'page.metadata.a')).toEqual(['@variant', 'a']);
    expect(reads('page.url')).toEqual(['@variant']);
    expect(reads('variant')).toEqual(['@variant']);
    expect(reads('page.metadata.@variant')).toBe('*');
  });

  it('reads all of it for a page with a placeholder problem, whose hint suggests from every key', () => {
    expect(metadataReads({ placeholders: ['page.metadata.a'], diagnostics: [{ rule: 'liquid/undefined-variable' }] })).toBe('*');
    expect(metadataReads({ placeholders: ['page.metadata.a'], diagnostics: [{ rule: 'links/broken' }] })).toEqual(['a']);
  });
});

describe('ContentKeys', () => {
  const source = 'source-key';

  it('changes a key only when a value it read changes', () => {
    const before = new ContentKeys({ a: 1, b: { x: [1, 2] }, c: 'c' });
    const key = before.contentKey(source, ['a', 'b']);
    expect(new ContentKeys({ c: 'other', b: { x: [1, 2] }, a: 1 }).contentKey(source, ['a', 'b'])).toBe(key);
    expect(new ContentKeys({ a: 2, b: { x: [1, 2] }, c: 'c' }).contentKey(source, ['a', 'b'])).not.toBe(key);
    expect(new ContentKeys({ a: 1, b: { x: [1, 3] }, c: 'c' }).contentKey(source, ['a', 'b'])).not.toBe(key);
    expect(before.contentKey('other-source', ['a', 'b'])).not.toBe(key);
  });

  it('tells a missing key from every value, null included', () => {
    const keys = [new ContentKeys({}), new ContentKeys({ a: null }), new ContentKeys({ a: '∅' }), new ContentKeys({ a: 'null' })].map((k) => k.contentKey(source, ['a']));
    expect(new Set(keys).size).toBe(4);
  });

  it('keys a page that read the variant by the variant, and one that did not the same in every variant', () => {
    const metadata = { a: 1 };
    const [cloud, selfHosted] = [new ContentKeys(metadata, { name: 'cloud' }), new ContentKeys(metadata, { name: 'self-hosted' })];
    expect(cloud.contentKey(source, ['@variant'])).not.toBe(selfHosted.contentKey(source, ['@variant']));
    expect(cloud.contentKey(source, ['a'])).toBe(selfHosted.contentKey(source, ['a']));
    expect(cloud.contentKey(source, '*')).not.toBe(selfHosted.contentKey(source, '*'));
  });

  it('keys a page that read all of the metadata by all of it', () => {
    const key = new ContentKeys({ a: 1 }).contentKey(source, '*');
    expect(new ContentKeys({ a: 1, unread: 2 }).contentKey(source, '*')).not.toBe(key);
    expect(new ContentKeys({ a: 1 }).contentKey(source, [])).not.toBe(key);
  });
});
