import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEME_DIR } from '../../src/build/index.ts';
import { configSchema } from '../../src/config/schema.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadTemplates } from '../../src/template/templates.ts';
import { createRenderEngines } from '../../src/render/engines.ts';
import { renderContent } from '../../src/render/page.ts';
import { buildInMemory, makeSite } from '../helpers.ts';

/**
 * Input built to exhaust the generator: nesting that overflows the parser's stack, a
 * page that takes too long, templates that include themselves, and placeholders that
 * reach for JavaScript internals. Each costs its page a clear error; the rest of the
 * site still renders, and the build ends.
 */

const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.rule}`;
/** The line (1-based) of the first line of `source` that starts with `prefix`. */
const lineOf = (source: string, prefix: string) => source.split('\n').findIndex((line) => line.startsWith(prefix)) + 1;

/** A page body as rendered, also when the page failed (a build keeps no HTML of failed pages). */
function bodyOf(source: string, metadata: Record<string, unknown>): string {
  const templates = loadTemplates({ themeDir: THEME_DIR, siteRoot: makeSite({}) });
  const page = { file: 'content/x.md', contentPath: 'x.md', url: '/x/', outputPath: 'x/index.html' };
  return renderContent({ source, page, config: configSchema.parse({ metadata }), templates }, createRenderEngines(templates)).content;
}

/** Links every page from the home page, so no reachability warning joins the diagnostics. */
function siteWith(pages: Record<string, string>, extra: Record<string, string> = {}) {
  const links = Object.keys(pages).map((name) => `[${name}](${name}.md)`).join(' ');
  const files: Record<string, string> = { 'content/index.md': `# Home\n\n${links}\n`, 'content/fine.md': '# Fine\n\nAn ordinary page.\n', ...extra };
  for (const [name, source] of Object.entries(pages)) files[`content/${name}.md`] = source;
  return makeSite(files);
}

describe('nesting deep enough to overflow the markdown parser', () => {
  it('is reported at its line (3,000 blockquotes, 1,000 list markers, and their variants), and the other pages still render', async () => {
    const pages = {
      quotes: `---\ntitle: Quotes\n---\n# Quotes\n\nIntro with {{ page.title }}.\n\n${'> '.repeat(3000)}deep\n`,
      lists: `# Lists\n\n- an ordinary\n  - nested list\n\n${'- '.repeat(1000)}a\n`,
      tight: `# Tight\n\n${'>'.repeat(3000)}\n`,
      ordered: `# Ordered\n\ntext\n   ${'1. '.repeat(1000)}a\n`,
      mixed: `\n\n\n${'> - '.repeat(800)}x\n`,
    };
    const started = performance.now();
    const result = await buildInMemory(siteWith(pages));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.diagnostics.map(where)).toEqual([
      `content/lists.md:${lineOf(pages.lists, '- - -')}:1 markdown/too-deep`,
      'content/mixed.md:4:1 markdown/too-deep',
      'content/ordered.md:4:1 markdown/too-deep',
      `content/quotes.md:${lineOf(pages.quotes, '> > >')}:1 markdown/too-deep`,
      'content/tight.md:3:1 markdown/too-deep',
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/nests blockquotes or lists more than \d+ levels deep/);
    expect(result.written).toBe(false);
    const html = Object.fromEntries(result.html);
    for (const name of Object.keys(pages)) expect(html[`content/${name}.md`], name).toBeUndefined();
    expect(html['content/fine.md']).toContain('An ordinary page.');
    expect(html['content/index.md']).toContain('<h1 id="home">Home');
  });

  it('past the limit but within what the parser survives, is still refused rather than slowly rendered', async () => {
    const result = await buildInMemory(siteWith({ deep: `${'> '.repeat(150)}x\n` }));
    expect(result.diagnostics.map(where)).toEqual(['content/deep.md:1:1 markdown/too-deep']);
  });

  // Nesting by indentation (each line two spaces deeper) counts too: 1,000 such levels
  // would take about 35 s to parse before overflowing the stack.
  it('a list nested by indentation past the limit is reported as too deep at its line', async () => {
    const source = Array.from({ length: 150 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`).join('\n');
    const result = await buildInMemory(siteWith({ indented: source }));
    expect(result.diagnostics.map(where)).toEqual(['content/indented.md:101:1 markdown/too-deep']);
  });
});

describe('a page that renders for longer than the time limit', () => {
  it('is stopped on its worker and reported; the next page renders and the build ends', async () => {
    // A 2 MB table: tens of seconds of parsing on any machine.
    const slow = `---\ntitle: Slow\n---\n| a | b |\n|---|---|\n${'| x `y` *z* | [link](https://example.com) |\n'.repeat(60_000)}`;
    const root = siteWith({ 'a-slow': slow, 'b-next': '# Next\n\nRendered after the slow one.\n' });
    const started = performance.now();
    // The limit is generous for ordinary pages (a fresh worker's first page included) and
    // a small fraction of what the slow page needs.
    const result = await buildInMemory(root, { workers: 1, pageTimeLimitMs: 1_500, search: false });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.diagnostics).toEqual([
      { file: 'content/a-slow.md', line: 1, column: 1, severity: 'error', message: 'rendering took longer than 1.5 s and was stopped', rule: 'render/timeout' },
    ]);
    const html = Object.fromEntries(result.html);
    expect(html['content/a-slow.md']).toBeUndefined();
    expect(html['content/b-next.md']).toContain('Rendered after the slow one.');
    expect(html['content/fine.md']).toContain('An ordinary page.');
    expect(result.written).toBe(false);
  });

  it('is stopped on a small site too: "auto" renders on a worker whenever a page needs rendering', async () => {
    const slow = `| a |\n|---|\n${'| x *y* [l](https://e.x) |\n'.repeat(60_000)}`;
    const root = siteWith({ slow });
    const result = await buildInMemory(root, { workers: 'auto', pageTimeLimitMs: 1_500, search: false });
    expect(result.diagnostics.map(where)).toEqual(['content/slow.md:1:1 render/timeout']);
    expect(result.html.get('content/fine.md')).toContain('An ordinary page.');
  });
});

describe('templates that include themselves', () => {
  it('are an error naming the loop, directly or through another partial, and the build ends', async () => {
    const root = siteWith(
      {
        direct: '# Direct\n\n{% include "partials/self" %}\n',
        mutual: '# Mutual\n\nSome text.\n\n{% render "partials/ping" %}\n',
        'own-layout': '---\nlayout: looping\n---\n# On a layout that includes itself\n',
      },
      {
        'templates/partials/self.liquid': 'Self\n{% include "partials/self" %}',
        'templates/partials/ping.liquid': 'ping {% include "partials/pong" %}',
        'templates/partials/pong.liquid': 'pong {% include "partials/ping" %}',
        'templates/looping.liquid': '<main>{{ content | raw }}{% include "looping" %}</main>',
      },
    );
    const result = await buildInMemory(root);
    expect(result.diagnostics.map((d) => `${where(d)}: ${d.message}`)).toEqual([
      'templates/looping.liquid:1:26 liquid/render: templates include each other 32 levels deep, which means a loop: "looping" → "looping"',
      'templates/partials/pong.liquid:1:6 liquid/render: templates include each other 32 levels deep, which means a loop: "partials/ping" → "partials/pong" → "partials/ping"',
      'templates/partials/self.liquid:2:1 liquid/render: templates include each other 32 levels deep, which means a loop: "partials/self" → "partials/self"',
    ]);
    const html = Object.fromEntries(result.html);
    expect(html['content/direct.md']).toBeUndefined();
    expect(html['content/mutual.md']).toBeUndefined();
    expect(html['content/own-layout.md']).toBeUndefined();
    expect(html['content/fine.md']).toContain('An ordinary page.');
  });
});

describe('placeholders that reach for JavaScript internals or whole objects', () => {
  it('are errors at their position, in pages and in layouts, and print nothing', async () => {
    const root = siteWith(
      {
        proto: '# Proto\n\n{{ page.constructor }} {{ page.constructor.name }}\n\n{{ site.__proto__ }} {{ page["constructor"] }}\n\n{{ page.title.constructor }} {{ page.metadata.list.constructor }} {{ page.toString }}\n',
        objects: '# Objects\n\nAll metadata: {{ page.metadata }}\n\nThe site: {{ site }}\n\nA list: {{ page.metadata.list }}\n',
        // The supported way to print a list or an object.
        fine: '# Fine\n\n{{ page.metadata.list | join: ", " }}, first {{ page.metadata.list.first }}, {{ page.metadata.list.size }} items.\n',
        'in-layout': '---\nlayout: nosy\n---\n# Nosy layout\n',
      },
      {
        'site.config.ts': "export default { metadata: { list: ['a', 'b'] } };\n",
        'templates/nosy.liquid': '<html>\n<body>\n{{ content | raw }}\n<p>{{ page.constructor }}</p>\n<p>{{ page.metadata }}</p>\n</body>\n</html>\n',
      },
    );
    const result = await buildInMemory(root);
    expect(result.diagnostics.map((d) => `${where(d)}: ${d.message}`)).toEqual([
      'content/objects.md:3:15 liquid/render: this placeholder is an object, not a value; name one of its keys',
      'content/objects.md:5:11 liquid/render: this placeholder is an object, not a value; name one of its keys',
      'content/objects.md:7:9 liquid/render: this placeholder is an object, not a value; name one of its keys',
      'content/proto.md:3:4 liquid/undefined-variable: undefined placeholder "page.constructor"',
      'content/proto.md:3:27 liquid/undefined-variable: undefined placeholder "page.constructor.name"',
      'content/proto.md:5:4 liquid/undefined-variable: undefined placeholder "site.__proto__"',
      'content/proto.md:5:25 liquid/undefined-variable: undefined placeholder "page.constructor"',
      'content/proto.md:7:4 liquid/undefined-variable: undefined placeholder "page.title.constructor"',
      'content/proto.md:7:33 liquid/undefined-variable: undefined placeholder "page.metadata.list.constructor"',
      'content/proto.md:7:70 liquid/undefined-variable: undefined placeholder "page.toString"',
      // Layouts word it differently ("undefined variable: page.constructor"); the position and rule are what matter.
      expect.stringMatching(/^templates\/nosy\.liquid:4:7 liquid\/undefined-variable: undefined .*page\.constructor/),
      'templates/nosy.liquid:5:4 liquid/render: this placeholder is an object, not a value; name one of its keys',
    ]);
    expect(result.html.get('content/fine.md')).toContain('a, b, first a, 2 items.');
    for (const name of ['proto', 'objects']) {
      const body = bodyOf(readFileSync(path.join(root, `content/${name}.md`), 'utf8'), { list: ['a', 'b'] });
      expect(body, name).not.toContain('[object Object]');
      expect(body, name).not.toMatch(/function Object|\[native code\]/);
    }
  });

  // A filter that stringifies its input first hands `outputEscape` "[object Object]".
  it('an object passed through a stringifying filter is an error, not "[object Object]"', async () => {
    const root = siteWith({ filtered: '# Filtered\n\n{{ page.metadata | join }} {{ "" | append: page.metadata }}\n' }, { 'site.config.ts': "export default { metadata: { a: 'b' } };\n" });
    const result = await buildInMemory(root);
    expect(bodyOf(readFileSync(path.join(root, 'content/filtered.md'), 'utf8'), { a: 'b' })).not.toContain('[object Object]');
    expect(result.diagnostics.map(where)).toEqual(['content/filtered.md:3:1 liquid/render', 'content/filtered.md:3:28 liquid/render']);
  });
});
