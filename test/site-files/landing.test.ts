import { describe, expect, it } from 'vitest';
import { loadTheme, THEME_DIR } from '../../src/build/theme.ts';
import { configSchema } from '../../src/config/schema.ts';
import { siteNav } from '../../src/nav/site-nav.ts';
import { renderLandingPages } from '../../src/site-files/landing.ts';
import { makeSite } from '../helpers.ts';

describe('renderLandingPages', () => {
  const config = configSchema.parse({ title: 'Acme', base: '/docs/' });
  const pages = [
    { contentPath: 'index.md', url: '/', title: 'Home' },
    { contentPath: 'api/users.md', url: '/api/users/', title: 'Users & teams', order: 2 },
    { contentPath: 'api/auth.md', url: '/api/auth/', title: 'Authentication', order: 1 },
    { contentPath: 'api/v2/orders.md', url: '/api/v2/orders/', title: 'Orders' },
    { contentPath: 'guide/index.md', url: '/guide/', title: 'Guide' },
    { contentPath: 'guide/setup.md', url: '/guide/setup/', title: 'Setup' },
  ];

  it('makes one page per folder without a page of its own, in the layout, listing its entries in sidebar order', () => {
    const theme = loadTheme({ themeDir: THEME_DIR, siteRoot: makeSite({}) });
    const landing = renderLandingPages({ config, templates: theme.templates, liquid: theme.layoutLiquid, nav: siteNav(config, pages) });
    expect(landing.map((page) => [page.url, page.outputPath, page.file])).toEqual([
      ['/api/', 'api/index.html', 'content/api/'],
      ['/api/v2/', 'api/v2/index.html', 'content/api/v2/'],
    ]);
    const api = landing[0]!;
    expect(api.diagnostics).toEqual([]);
    expect(api.body).toBe([
      '<h1>API</h1>',
      '<ul class="landing-list">',
      '<li><a href="/docs/api/auth/">Authentication</a></li>',
      '<li><a href="/docs/api/users/">Users &amp; teams</a></li>',
      '<li><a href="/docs/api/v2/">V2</a></li>',
      '</ul>',
    ].join('\n'));
    // The site's layout: head, search, and the sidebar with the group current.
    expect(api.html).toContain('<title>API | Acme</title>');
    expect(api.html.match(/<h1/g)).toHaveLength(1);
    expect(api.html).toContain('class="search"');
    expect(api.html).toContain(api.body);
    expect(api.html).toContain('<a aria-current="page" href="/docs/api/">API</a>');
    expect(api.html).toContain('data-pagefind-body');
    expect(api.html).not.toContain('rel="prev"');
  });

  it('makes one for each group of a configured nav written without a link', () => {
    const theme = loadTheme({ themeDir: THEME_DIR, siteRoot: makeSite({}) });
    const withNav = configSchema.parse({ nav: [{ text: 'API', items: [{ text: 'Users', link: '/api/users/' }] }, { text: 'Guides', link: '/guides/' }] });
    const made = renderLandingPages({ config: withNav, templates: theme.templates, liquid: theme.layoutLiquid, nav: siteNav(withNav, pages) });
    expect(made.map((page) => [page.url, page.outputPath])).toEqual([['/api/', 'api/index.html']]);
    expect(made[0]!.body).toContain('<a href="/api/users/">Users</a>');
  });
});
