import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.ts';
import type { TemplateSet } from '../../src/template/templates.ts';
import { createRenderEngines } from '../../src/render/engines.ts';
import { renderPage } from '../../src/render/page.ts';

const templates: TemplateSet = { sources: { 'layout.liquid': '<title>{{ page.title }}</title>{{ content | raw }}' }, files: { 'layout.liquid': 'templates/layout.liquid' }, assets: {} };
const engines = createRenderEngines(templates);
const config = { ...defaultConfig, metadata: { product_name: 'DataFlow', api_base_url: 'https://api.example.com/v1' } };
const page = { file: 'content/api/users.md', contentPath: 'api/users.md', url: '/api/users/', outputPath: 'api/users/index.html' };
const render = (source: string) => renderPage({ source, page, config, templates }, engines);

describe('renderPage', () => {
  it('returns the document with what it collected', () => {
    const result = render('---\ntitle: Users\n---\n# Users API\n\n## List users\n\nSee [home](../index.md).\n');
    expect(result.html).toBe('<title>Users</title><h1 id="users-api">Users API</h1>\n<h2 id="list-users">List users <a class="heading-anchor" href="#list-users" aria-label="Link to section “List users”" data-pagefind-ignore="">#</a></h2>\n<p>See <a href="/">home</a>.</p>');
    expect(result.headings).toEqual([
      { depth: 1, id: 'users-api', text: 'Users API', line: 4, column: 1 },
      { depth: 2, id: 'list-users', text: 'List users', line: 6, column: 1 },
    ]);
    expect(result.links).toEqual([{ target: '/', anchor: '', kind: 'page', element: 'a', written: '../index.md', line: 8, column: 5 }]);
    expect(result.diagnostics).toEqual([]);
  });

  it('takes the title from the first h1 when the frontmatter has none', () => {
    expect(render('# From the heading\n').title).toBe('From the heading');
  });

  it('maps positions found after placeholders back to the source line and column', () => {
    const result = render('---\ntitle: x\n---\n{{ page.metadata.api_base_url }} [a](./b.md)\n');
    // The link starts at column 34 of the source, even though the URL made the line longer.
    expect(result.links.find((l) => l.written === './b.md')).toMatchObject({ line: 4, column: 34 });
  });

  it('counts columns as the writer sees them despite a BOM and CRLF line endings', () => {
    const result = render('\uFEFF---\r\ntitle: x\r\n---\r\n\r\nText {{ page.nope }}\r\n');
    expect(result.diagnostics).toMatchObject([{ line: 5, column: 9, rule: 'liquid/undefined-variable' }]);
  });

  it('reports a frontmatter key of the wrong type at its line', () => {
    const result = render('---\ntitle: x\ntemplating: "no"\n---\n');
    expect(result.diagnostics).toEqual([
      { file: 'content/api/users.md', line: 3, column: 1, severity: 'error', message: 'frontmatter "templating": Invalid input: expected boolean, received string', rule: 'frontmatter/invalid-value' },
    ]);
    expect(result.html).toBeUndefined();
  });

  it('is pure: the same input renders the same output', () => {
    const source = '---\ntitle: T\n---\n# A {{ page.metadata.product_name }}\n';
    expect(render(source)).toEqual(render(source));
  });
});
