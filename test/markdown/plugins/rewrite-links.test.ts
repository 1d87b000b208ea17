import { describe, expect, it } from 'vitest';
import { resolveLink } from '../../../src/markdown/plugins/rewrite-links.ts';

describe('resolveLink', () => {
  const from = (written: string, base = '/') => resolveLink(written, 'guide/setup.md', base);

  it('rewrites relative .md paths to clean URLs, keeping the anchor', () => {
    expect(from('../api/users.md#list-users')).toEqual({ href: '/api/users/#list-users', link: { target: '/api/users/', anchor: 'list-users', kind: 'page' } });
    expect(from('./index.md')).toMatchObject({ href: '/guide/' });
    expect(from('other.md')).toMatchObject({ href: '/guide/other/' });
  });

  it('prefixes the base path', () => {
    expect(from('../index.md', '/docs/')).toMatchObject({ href: '/docs/' });
    expect(from('/', '/docs/')).toMatchObject({ href: '/docs/', link: { target: '/' } });
    expect(from('/api/users/', '/docs/')).toMatchObject({ href: '/docs/api/users/', link: { target: '/api/users/' } });
  });

  it('treats a lone #anchor as this page', () => {
    expect(from('#install')).toEqual({ href: '#install', link: { target: '/guide/setup/', anchor: 'install', kind: 'page' } });
  });

  it('resolves assets relative to the source file', () => {
    expect(from('../img/logo.png')).toEqual({ href: '/img/logo.png', link: { target: 'img/logo.png', anchor: '', kind: 'asset' } });
  });

  it('encodes spaces and non-ASCII letters', () => {
    expect(from('./my page.md')).toMatchObject({ href: '/guide/my%20page/', link: { target: '/guide/my page/' } });
    expect(from('./caf%C3%A9.md')).toMatchObject({ href: '/guide/caf%C3%A9/', link: { target: '/guide/café/' } });
  });

  it('leaves external links alone', () => {
    expect(from('https://example.com/a.md')).toEqual({ href: 'https://example.com/a.md', link: { target: 'https://example.com/a.md', anchor: '', kind: 'external' } });
    expect(from('mailto:a@b.c')).toMatchObject({ link: { kind: 'external' } });
  });
});
