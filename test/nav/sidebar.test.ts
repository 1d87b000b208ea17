import { describe, expect, it } from 'vitest';
import { sidebarFromConfig, sidebarFromPages, type NavItem } from '../../src/nav/sidebar.ts';

const texts = (items: NavItem[]): unknown => items.map((item) => (item.items.length ? { [item.text]: texts(item.items) } : item.text));

describe('sidebarFromPages', () => {
  const pages = [
    { contentPath: 'index.md', url: '/', title: 'Home' },
    { contentPath: 'zebra.md', url: '/zebra/', title: 'Zebra' },
    { contentPath: 'alpha.md', url: '/alpha/', title: 'Alpha' },
    { contentPath: 'api/users.md', url: '/api/users/', title: 'Users API', order: 2 },
    { contentPath: 'api/auth.md', url: '/api/auth/', title: 'Authentication', order: 1 },
    { contentPath: 'api/errors.md', url: '/api/errors/', title: 'Errors' },
    { contentPath: 'guides/index.md', url: '/guides/', title: 'Guides', order: 1 },
    { contentPath: 'guides/setup.md', url: '/guides/setup/', title: 'Setup' },
  ];

  it('puts home first, then orders by `order`, then by title, folders as groups', () => {
    expect(texts(sidebarFromPages(pages, '/'))).toEqual(['Home', { Guides: ['Setup'] }, 'Alpha', { API: ['Authentication', 'Users API', 'Errors'] }, 'Zebra']);
  });

  it('links a folder group to its index page, and a folder without one to its generated landing page', () => {
    const sidebar = sidebarFromPages(pages, '/docs/');
    expect(sidebar.find((item) => item.text === 'Guides')).toMatchObject({ href: '/docs/guides/', url: '/guides/' });
    expect(sidebar.find((item) => item.text === 'Guides')!.generated).toBeUndefined();
    expect(sidebar.find((item) => item.text === 'API')).toMatchObject({ href: '/docs/api/', url: '/api/', generated: true });
    expect(sidebar[0]).toMatchObject({ href: '/docs/', url: '/' });
  });

  it('gives nested folders without a page their own landing pages, at their URLs', () => {
    const sidebar = sidebarFromPages([
      { contentPath: 'index.md', url: '/', title: 'Home' },
      { contentPath: 'reference/http api/v1/users.md', url: '/reference/http api/v1/users/', title: 'Users' },
    ], '/');
    const reference = sidebar[1]!;
    expect(reference).toMatchObject({ text: 'Reference', href: '/reference/', url: '/reference/', generated: true });
    expect(reference.items[0]).toMatchObject({ text: 'Http api', href: '/reference/http%20api/', url: '/reference/http api/', generated: true });
    expect(reference.items[0]!.items[0]).toMatchObject({ text: 'V1', url: '/reference/http api/v1/', generated: true });
  });

  it('makes no landing page where a page already has the folder\'s URL but for its case', () => {
    const sidebar = sidebarFromPages([
      { contentPath: 'index.md', url: '/', title: 'Home' },
      { contentPath: 'users.md', url: '/users/', title: 'Users page' },
      { contentPath: 'Users/list.md', url: '/Users/list/', title: 'List' },
    ], '/');
    expect(sidebar.find((item) => item.text === 'Users')).toMatchObject({ href: '', url: '', items: [{ text: 'List' }] });
    expect(sidebar.find((item) => item.text === 'Users')!.generated).toBeUndefined();
  });

  it('makes a page beside a folder of its name, or a README.md, the landing page of that folder: one entry, not two', () => {
    const sidebar = sidebarFromPages([
      { contentPath: 'README.md', url: '/', title: 'Home' },
      { contentPath: 'configuration.md', url: '/configuration/', title: 'Configuration' },
      { contentPath: 'configuration/options.md', url: '/configuration/options/', title: 'Options' },
      { contentPath: 'configuration/plugins.md', url: '/configuration/plugins/', title: 'Plugins' },
      { contentPath: 'cli/README.md', url: '/cli/', title: 'Command line' },
      { contentPath: 'cli/serve.md', url: '/cli/serve/', title: 'serve' },
    ], '/');
    expect(texts(sidebar)).toEqual(['Home', { 'Command line': ['serve'] }, { Configuration: ['Options', 'Plugins'] }]);
    expect(sidebar[2]).toMatchObject({ href: '/configuration/', url: '/configuration/' });
    expect(sidebar[1]).toMatchObject({ href: '/cli/', url: '/cli/' });
    // A writer's own page always wins: none of these folders gets a generated page.
    expect(JSON.stringify(sidebar)).not.toContain('generated');
  });
});

describe('sidebarFromConfig', () => {
  it('resolves site paths, content files and external links against the base', () => {
    const sidebar = sidebarFromConfig(
      [
        { text: 'Home', link: '/' },
        { text: 'API', items: [{ text: 'Users', link: 'api/users.md' }, { text: 'Status', link: 'https://status.example.com' }] },
      ],
      '/docs/',
    );
    expect(sidebar[0]).toMatchObject({ text: 'Home', href: '/docs/', url: '/', external: false, items: [] });
    // A group written without a link leads to a landing page at the folder its pages share.
    expect(sidebar[1]).toMatchObject({ text: 'API', href: '/docs/api/', url: '/api/', generated: true });
    expect(sidebar[1]!.items[0]).toMatchObject({ href: '/docs/api/users/', url: '/api/users/' });
    expect(sidebar[1]!.items[1]).toMatchObject({ href: 'https://status.example.com', url: '', external: true });
  });

  it('puts a linkless group\'s landing page at a free URL: the shared folder, else its name under its parent\'s', () => {
    const sidebar = sidebarFromConfig(
      [
        { text: 'Reference', items: [{ text: 'Users', link: '/api/users/' }, { text: 'Teams', link: '/api/teams/' }] },
        // Their folder is the home page's: the group is named instead, and a sub-group under it.
        { text: 'Getting started', items: [{ text: 'Install', link: '/install/' }, { text: 'More', items: [{ text: 'FAQ', link: '/faq/' }] }] },
        // `/api/` is the first group's now, and `/guides/` a page's: numbered.
        { text: 'Guides', items: [{ text: 'Webhooks', link: '/api/webhooks/' }, { text: 'Auth', link: '/api/auth/' }] },
        { text: 'Guides', items: [{ text: 'Tips', link: '/tips/' }] },
        { text: 'Empty' },
      ],
      '/',
      ['/', '/api/users/', '/api/teams/', '/install/', '/faq/', '/guides/', '/tips/'],
    );
    expect(sidebar.map((item) => item.url)).toEqual(['/api/', '/getting-started/', '/guides-2/', '/guides-3/', '']);
    expect(sidebar[1]!.items[1]).toMatchObject({ text: 'More', url: '/getting-started/more/', generated: true });
    expect(sidebar[4]).not.toHaveProperty('generated');
  });
});
