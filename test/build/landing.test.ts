import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildInMemory, makeSite } from '../helpers.ts';

/** A site on the built-in theme whose `api/` folder has no page of its own, and whose `guide/` has one. */
function site(extra: Record<string, string> = {}) {
  return makeSite({
    'site.config.ts': "export default { title: 'Acme', siteUrl: 'https://docs.example.com' };\n",
    'content/index.md': '# Home\n\nSee [the API](api/) and [the guide](guide/).\n',
    'content/api/users.md': '# Users\n\nList users.\n',
    'content/api/teams.md': '# Teams\n\nList teams.\n',
    'content/api/v2/orders.md': '# Orders\n\nList orders.\n',
    'content/guide/index.md': '# Guide\n\nRead on.\n',
    'content/guide/setup.md': '# Setup\n\nInstall it.\n',
    ...extra,
  });
}

describe('generated landing pages', () => {
  it('are made for folders without a page of their own, linked from the sidebar, in the sitemap and the search index', async () => {
    const result = await buildInMemory(site());
    expect(result.diagnostics).toEqual([]);
    const { writer } = result;
    const api = writer.text('api/index.html')!;
    expect(api).toContain('<h1>API</h1>');
    expect(api).toContain('<li><a href="/api/teams/">Teams</a></li>');
    expect(api).toContain('<li><a href="/api/v2/">V2</a></li>');
    expect(api).toContain('<a aria-current="page" href="/api/">API</a>');
    expect(writer.text('api/v2/index.html')).toContain('<li><a href="/api/v2/orders/">Orders</a></li>');
    // The writer's own page wins: guide/index.md is the guide's page.
    expect(writer.text('guide/index.html')).toContain('Read on.');
    // Every page's sidebar links the group heading to the landing page.
    expect(writer.text('api/users/index.html')).toContain('<a href="/api/">API</a>');
    // Prev/next walk the writer's pages only.
    expect(writer.text('index.html')).not.toContain('href="/api/" rel="next"');

    const sitemap = writer.text('sitemap.xml')!;
    expect(sitemap).toContain('<loc>https://docs.example.com/api/</loc>');
    expect(sitemap).toContain('<loc>https://docs.example.com/api/v2/</loc>');

    const fragments = [...writer.files].filter(([file]) => file.startsWith('pagefind/fragment/')).map(([, content]) => gunzipSync(content as Uint8Array).toString('utf8'));
    expect(fragments.some((text) => text.includes('"url":"/api/v2/"') && text.includes('Orders'))).toBe(true);
  });

  it('are valid link targets, without anchors', async () => {
    const result = await buildInMemory(site({ 'content/index.md': '# Home\n\n[API](api/) [API again](/api/) [V2](api/v2/) [Nowhere](api/#list)\n' }), { search: false });
    expect(result.diagnostics.map((d) => `${d.file}:${d.rule}: ${d.message}`)).toEqual([
      'content/index.md:links/missing-anchor: link to a missing anchor "#list" in "api/#list": it leads to a folder\'s generated page, which lists its pages and has no headings',
    ]);
  });

  it('give way to a file of the writer\'s at the same path', async () => {
    const result = await buildInMemory(site({ 'content/api/index.html': '<p>Hand-made</p>' }), { search: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.writer.text('api/index.html')).toBe('<p>Hand-made</p>');
    expect(result.writer.text('api/v2/index.html')).toContain('<h1>V2</h1>');
  });
});
