import { describe, expect, it } from 'vitest';
import { locatePath, resolveLink, safeDecode } from '../../src/content/link-targets.ts';

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

  it('marks a path out of content/ as such, with where it leads from the site folder, and leaves it as written', () => {
    expect(from('../../README.md')).toEqual({ href: '../../README.md', link: { target: 'README.md', anchor: '', kind: 'outside' } });
    expect(from('../../../images/flow.png')).toEqual({ href: '../../../images/flow.png', link: { target: '../images/flow.png', anchor: '', kind: 'outside' } });
    // A site-absolute path cannot climb out: `/..` is the root, as in a browser.
    expect(from('/../img/logo.png')).toMatchObject({ href: '/img/logo.png', link: { target: 'img/logo.png', kind: 'asset' } });
    // A name that starts with two dots is inside.
    expect(from('../..notes.md')).toMatchObject({ link: { target: '/..notes/', kind: 'page' } });
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

describe('locatePath', () => {
  it('reads a path from any folder of content/: the link check reads it from the page URL too', () => {
    expect(locatePath('../linux/', 'guide')).toEqual({ kind: 'page', target: '/linux/' });
    expect(locatePath('../linux/', 'guide/install')).toEqual({ kind: 'page', target: '/guide/linux/' });
    expect(locatePath('../linux.md', 'guide/install')).toEqual({ kind: 'page', target: '/guide/linux/' });
    expect(locatePath('index.html', '.')).toEqual({ kind: 'asset', target: 'index.html' });
    expect(locatePath('..', '.')).toEqual({ kind: 'outside', target: '.' });
  });
});

describe('safeDecode', () => {
  it('decodes percent-encoding, and keeps text that is not valid percent-encoding as it is', () => {
    expect(safeDecode('caf%C3%A9')).toBe('café');
    expect(safeDecode('100%')).toBe('100%');
  });
});
