import { describe, expect, it, vi } from 'vitest';
import { MemoryWriter } from '../../src/output/writer.ts';
import { writeSearchIndex } from '../../src/search/pagefind.ts';
import { searchableHtml } from '../../src/search/searchable-html.ts';
import { buildInMemory, makeSite } from '../helpers.ts';

// Wrapped, to see that the build really sends cut pages (the last test).
vi.mock('../../src/search/searchable-html.ts', async (original) => {
  const actual = await original<typeof import('../../src/search/searchable-html.ts')>();
  return { searchableHtml: vi.fn(actual.searchableHtml) };
});

const BODY = '<h1 id="users">Users</h1>\n<p>Each user has an <a href="/x/" title="</article>">email</a>.</p>\n<article><p>nested</p></article>';
const page = (options: { before?: string; after?: string; body?: string; open?: string } = {}) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<title>Users</title>\n</head>\n<body class="b">\n<nav>${options.before ?? 'Sidebar'}</nav>\n<main>\n${options.open ?? '<article class="prose" data-pagefind-body>'}\n${options.body ?? BODY}\n</article>\n<nav class="pager">${options.after ?? 'Next'}</nav>\n</main>\n</body>\n</html>\n`;

describe('searchableHtml', () => {
  it('keeps the head and, of the body, the marked element whole', () => {
    expect(searchableHtml(page(), BODY)).toBe(
      `<!doctype html>\n<html lang="en">\n<head>\n<title>Users</title>\n</head>\n<body class="b"><article class="prose" data-pagefind-body>\n${BODY}\n</article></body></html>`,
    );
  });

  it('finds the element from the body, not from tags inside it or in attribute values', () => {
    // The body holds an <article> of its own and a title reading "</article>".
    expect(searchableHtml(page(), BODY)).toContain('<article><p>nested</p></article>\n</article></body>');
  });

  it('sends the whole page when cutting could change what Pagefind reads', () => {
    const cases = [
      page({ before: '<span data-pagefind-filter="version">2</span>' }),
      page({ after: '<div data-pagefind-meta="image:/x.png"></div>' }),
      page({ before: '<h1>Site name</h1>' }),
      page({ after: '<img src="/logo.png" alt="">' }),
      // No marked element, or two.
      page({ open: '<article class="prose">' }),
      page({ before: '<div data-pagefind-body>Other</div>' }),
      // The body is not what the element holds (a layout that wraps or edits it).
      page({ body: `<div class="wrap">${BODY}</div>` }),
    ];
    for (const html of cases) expect(searchableHtml(html, BODY)).toBe(html);
    expect(searchableHtml(page(), '<p>not this page</p>')).toBe(page());
  });
});

describe('the search index from cut pages', () => {
  it('is byte for byte the index of the whole pages', async () => {
    // The build sends cut pages; writeSearchIndex, given no bodies, sends whole ones.
    // The built-in theme (the fixtures pin layouts of their own, without the marker).
    const root = makeSite({
      'site.config.ts': "export default { title: 'Acme', metadata: { api: 'https://api.acme.test/v1' } };\n",
      'content/index.md': '# Acme docs\n\nWelcome. See the [users API](api/users.md).\n',
      'content/api/users.md':
        '---\ntitle: Users API\n---\n# Users API\n\nEach user has an email address.\n\n## List users\n\n```bash\ncurl {{ page.metadata.api }}/users\n```\n\n| Field | Type |\n| --- | --- |\n| `email` | string |\n\n> [!NOTE]\n> Emails are unique.\n',
      'content/guides/setup.md': '# Setup\n\n1. Install\n2. Configure the *token*\n\n### Tokens\n\nTokens expire after 30 days. Back to [home](../index.md).\n',
    });
    const cut = vi.mocked(searchableHtml);
    cut.mockClear();
    const built = await buildInMemory(root);
    // The folders without a page of their own get generated landing pages, indexed after the pages.
    const landing = ['/api/', '/guides/'].map((url) => ({ file: `content${url}`, url, html: built.writer.text(`${url.slice(1)}index.html`)! }));
    // Every page went through the cut, and it removed the sidebar and the rest.
    expect(cut.mock.calls.length).toBe(built.pages.length + landing.length);
    for (const [index, [html, body]] of cut.mock.calls.entries()) {
      const sent = cut.mock.results[index]!.value as string;
      expect(sent.length).toBeLessThan(html.length);
      // What Pagefind is sent: the page's head and its content, and no more than the tags around them.
      expect(sent.length).toBeLessThanOrEqual(html.indexOf('<body') + body.length + 200);
    }
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const whole = new MemoryWriter();
    const pages = [...[...built.html].map(([file, html]) => ({ file, url: built.pages.find((p) => p.file === file)!.url, html })), ...landing];
    expect(await writeSearchIndex({ pages, base: '/', writer: whole })).toEqual([]);
    whole.commit();

    const indexOf = (files: ReadonlyMap<string, string | Uint8Array>) => new Map([...files].filter(([file]) => file.startsWith('pagefind/')).map(([file, content]) => [file, Buffer.from(content).toString('base64')]));
    const fromBuild = indexOf(built.writer.files);
    expect([...fromBuild.keys()].some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    expect(fromBuild).toEqual(indexOf(whole.files));
  }, 30_000);
});
