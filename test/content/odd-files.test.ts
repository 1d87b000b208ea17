import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/build/index.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../../src/diagnostics/report.ts';
import { MemoryWriter } from '../../src/output/writer.ts';
import { buildInMemory, makeSite } from '../helpers.ts';

/**
 * Files a writer's editor or file system can produce that are not plain UTF-8 markdown
 * with LF endings. Each is either built correctly or is a clear error at its position;
 * none is silently mangled. (Frontmatter edge cases: test/content/frontmatter.test.ts;
 * discovery on its own: test/content/discover.test.ts.)
 */

/** A site whose content/ holds these raw bytes besides an index page. */
function siteWithBytes(files: Record<string, Buffer | string>): string {
  const root = makeSite({ 'content/index.md': '# Home\n' });
  for (const [file, bytes] of Object.entries(files)) writeFileSync(path.join(root, file), bytes);
  return root;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.rule}`;

describe('text that is not UTF-8', () => {
  it('is an error at the first bad byte, naming the file, and nothing is written', async () => {
    // "Café au lait" saved as Latin-1: é is the single byte 0xE9.
    const root = siteWithBytes({ 'content/menu.md': latin1('---\ntitle: Menu\n---\n# Menu\n\nCaf\u00e9 au lait\n') });
    const result = await buildInMemory(root);
    expect(errorsOf(result.diagnostics).map(where)).toEqual(['content/menu.md:6:4 content/not-utf8']);
    const [problem] = result.diagnostics;
    expect(problem!.message).toMatch(/not UTF-8/);
    expect(problem!.message).toContain('0xE9');
    expect(result.written).toBe(false);
    expect(result.writer.files.size).toBe(0);
    // The report quotes the line with a caret under the bad character.
    const report = formatDiagnostics(result.diagnostics, { sources: result.sources });
    expect(report).toContain('content/menu.md:6:4: error: ');
    expect(report).toContain('6 | Caf\uFFFD au lait\n    |    ^');
  });

  it('counts columns in characters and lines as the writer sees them (BOM, CRLF, multi-byte letters before)', async () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF# Na\u00efve\r\n\r\n\u00e9\u00e8 ok \u20ac ', 'utf8'), Buffer.from([0xff]), Buffer.from(' end\r\n')]);
    const result = await buildInMemory(siteWithBytes({ 'content/a.md': bytes }));
    expect(errorsOf(result.diagnostics).map(where)).toEqual(['content/a.md:3:9 content/not-utf8']);
  });

  it('finds truncated, overlong and surrogate sequences, and accepts every well-formed one', async () => {
    const cases: Record<string, Buffer> = {
      'content/truncated.md': Buffer.from([0x61, 0x0a, 0x62, 0xe2, 0x82]), // "€" cut short at the end of the file
      'content/overlong.md': Buffer.from([0x61, 0xc0, 0xaf, 0x0a]), // "/" encoded in two bytes
      'content/surrogate.md': Buffer.from([0x0a, 0x0a, 0x61, 0x62, 0xed, 0xa0, 0x80]), // a lone UTF-16 surrogate
      'content/beyond.md': Buffer.from([0xf4, 0x90, 0x80, 0x80]), // past U+10FFFF
      'content/cp1252.md': Buffer.from([0x93, 0x71, 0x94]), // “q” from Windows-1252
      // Well formed: 1 to 4 bytes per character, the edges of each range, and a literal U+FFFD.
      'content/fine.md': Buffer.from('# Fine\n\n\u007f \u0080 \u07ff \u0800 \ud7ff \ue000 \uffff \ud800\udc00 \udbff\udfff \ufffd 😀\n', 'utf8'),
    };
    const result = await buildInMemory(siteWithBytes(cases));
    expect(errorsOf(result.diagnostics).map(where)).toEqual([
      'content/beyond.md:1:1 content/not-utf8',
      'content/cp1252.md:1:1 content/not-utf8',
      'content/overlong.md:1:2 content/not-utf8',
      'content/surrogate.md:3:3 content/not-utf8',
      'content/truncated.md:2:2 content/not-utf8',
    ]);
  });

  it('is reported again on every rebuild until the file is fixed (dev server)', async () => {
    const root = siteWithBytes({ 'content/menu.md': latin1('Caf\u00e9\n') });
    const writer = new MemoryWriter();
    const session = new BuildSession({ root, writer, search: false });
    try {
      expect((await session.run()).diagnostics.map(where)).toEqual(['content/menu.md:1:4 content/not-utf8']);
      // Nothing changed: the text comes from memory, and the problem with it.
      expect((await session.run()).diagnostics.map(where)).toEqual(['content/menu.md:1:4 content/not-utf8']);
      writeFileSync(path.join(root, 'content/menu.md'), 'Caf\u00e9\n');
      session.invalidate(['content/menu.md']);
      const fixed = await session.run();
      expect(fixed.diagnostics).toEqual([]);
      expect(writer.text('menu/index.html')).toContain('<p>Café</p>');
    } finally {
      await session.close();
    }
  });
});

describe('byte-order marks and line endings', () => {
  it('builds a file with a BOM as if it had none: the frontmatter is read, and no U+FEFF reaches the page', async () => {
    const result = await buildInMemory(siteWithBytes({
      'content/with-fm.md': '\uFEFF---\ntitle: From frontmatter\n---\n# Heading\n',
      'content/bare.md': '\uFEFF# Bare heading\n\ntext\n',
    }));
    expect(result.diagnostics).toEqual([]);
    expect(result.pages.map((p) => p.title)).toEqual(['Bare heading', 'Home', 'From frontmatter']);
    const bare = result.writer.text('bare/index.html')!;
    expect(bare).toContain('<h1 id="bare-heading">Bare heading');
    for (const [file, content] of result.writer.files) if (file.endsWith('.html')) expect(String(content), file).not.toContain('\uFEFF');
  });

  it('builds CRLF (and old-Mac CR) files like LF ones, with positions counted in the writer’s lines', async () => {
    const lf = '---\ntitle: Endings\n---\n\n# Endings\n\n- one\n- two\n\n```js\nconst a = 1;\nconst b = 2;\n```\n';
    const result = await buildInMemory(siteWithBytes({ 'content/lf.md': lf, 'content/crlf.md': lf.replace(/\n/g, '\r\n'), 'content/cr.md': lf.replace(/\n/g, '\r') }));
    expect(result.diagnostics).toEqual([]);
    const body = (file: string) => result.writer.text(file)!.replace(/<nav[\s\S]*?<\/nav>/g, '').replaceAll(/\/(?:cr|crlf|lf)(\/|\.md)/g, '/X$1');
    expect(body('crlf/index.html')).toBe(body('lf/index.html'));
    expect(body('cr/index.html')).toBe(body('lf/index.html'));
    expect(result.writer.text('crlf/index.html')).not.toContain('\r');

    // An error after CRLF lines is at the line and column an editor shows.
    const broken = await buildInMemory(siteWithBytes({ 'content/bad.md': '---\r\ntitle: X\r\n---\r\n\r\nSome text.\r\n\r\nUse {{ page.nope }} here.\r\n' }));
    expect(broken.diagnostics.map(where)).toEqual(['content/bad.md:7:8 liquid/undefined-variable']);
    expect(formatDiagnostics(broken.diagnostics, { sources: broken.sources })).toContain('7 | Use {{ page.nope }} here.\n    |        ^');
    // …and a YAML error inside CRLF frontmatter too.
    const yaml = await buildInMemory(siteWithBytes({ 'content/bad.md': '---\r\ntitle: ok\r\ntags: [a, b\r\n---\r\nText\r\n' }));
    expect(yaml.diagnostics).toMatchObject([{ file: 'content/bad.md', rule: 'frontmatter/invalid-yaml', severity: 'error' }]);
    expect(yaml.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(yaml.diagnostics[0]!.line).toBeLessThanOrEqual(4);
  });
});

/** Where the diagnostics are, when they are all "this page is empty" warnings (and fails otherwise). */
function emptyPageWarnings(diagnostics: readonly Diagnostic[]): string[] {
  expect(diagnostics.every((d) => d.rule === 'markdown/empty-page' && d.severity === 'warning'), JSON.stringify(diagnostics)).toBe(true);
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`).sort();
}

describe('files with little or nothing in them', () => {
  it('builds an empty or blank file as an empty page titled from its file name, with a warning', async () => {
    const result = await buildInMemory(siteWithBytes({ 'content/empty.md': '', 'content/blank.md': '\n  \n\t\n' }));
    expect(emptyPageWarnings(result.diagnostics)).toEqual(['content/blank.md:1:1', 'content/empty.md:1:1']);
    expect(result.pages.map((p) => [p.url, p.title])).toEqual([['/blank/', 'Blank'], ['/empty/', 'Empty'], ['/', 'Home']]);
    expect(result.writer.text('empty/index.html')).toContain('<title>Empty');
    expect(result.written).toBe(true);
  });

  it('titles a nested empty file from its own name, not its folder\'s', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n\n[e](guide/empty.md)\n', 'content/guide/empty.md': '' });
    const result = await buildInMemory(root);
    expect(emptyPageWarnings(result.diagnostics)).toEqual(['content/guide/empty.md:1:1']);
    expect(result.pages.find((p) => p.url === '/guide/empty/')!.title).toBe('Empty');
  });

  it('builds a file that is only frontmatter (with or without a final newline, or empty frontmatter), its title as its heading', async () => {
    const result = await buildInMemory(siteWithBytes({
      'content/only.md': '---\ntitle: Only frontmatter\n---\n',
      'content/no-newline.md': '---\ntitle: No newline\n---',
      'content/empty-fm.md': '---\n---\n',
    }));
    // Under the frontmatter, where the content would go.
    expect(emptyPageWarnings(result.diagnostics)).toEqual(['content/empty-fm.md:3:1', 'content/no-newline.md:3:4', 'content/only.md:4:1']);
    const article = (file: string) => /<article[^>]*>([\s\S]*?)<\/article>/.exec(result.writer.text(file)!)![1]!.trim();
    expect(result.pages.map((p) => [p.url, p.title, article(p.outputPath)])).toEqual([
      ['/empty-fm/', 'Empty fm', '<h1>Empty fm</h1>'],
      ['/', 'Home', expect.stringContaining('Home')],
      ['/no-newline/', 'No newline', '<h1>No newline</h1>'],
      ['/only/', 'Only frontmatter', '<h1>Only frontmatter</h1>'],
    ]);
    expect(result.writer.text('only/index.html')).toContain('<title>Only frontmatter');
    expect(result.writer.text('only/index.html')).not.toContain('---');
  });
});

describe('symbolic links in content/', () => {
  it('builds a link to a file inside content/ and refuses one that leads outside, without reading it', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n', 'content/real.md': '# Real page\n', 'private/secret.md': '# TOP SECRET\n' });
    symlinkSync(path.join(root, 'content/real.md'), path.join(root, 'content/alias.md'));
    const inside = await buildInMemory(root);
    expect(inside.diagnostics).toEqual([]);
    expect(inside.writer.text('alias/index.html')).toContain('<h1 id="real-page">Real page');

    symlinkSync(path.join(root, 'private/secret.md'), path.join(root, 'content/leak.md'));
    const outside = await buildInMemory(root);
    expect(outside.diagnostics.map(where)).toEqual(['content/leak.md:1:1 content/symlink-outside']);
    expect(outside.written).toBe(false);
    expect(outside.pages.map((p) => p.file)).not.toContain('content/leak.md');
    expect(JSON.stringify(outside)).not.toContain('TOP SECRET');
  });
});

describe('file names with spaces and non-ASCII letters', () => {
  it('build to percent-encoded URLs that links, written either way, resolve to', async () => {
    const root = makeSite({
      'content/index.md': '# Home\n\n[a](guide/my%20page.md) [b](<guide/my page.md>) [c](café.md) [d](caf%C3%A9.md#menu)\n',
      'content/guide/my page.md': '# My page\n\n[home](../index.md) [café](../café.md)\n',
      'content/café.md': '# Café\n\n## Menu\n',
    });
    const result = await buildInMemory(root);
    expect(result.diagnostics).toEqual([]);
    expect(result.pages.map((p) => [p.file, p.url, p.outputPath])).toEqual([
      ['content/café.md', '/café/', 'café/index.html'],
      ['content/guide/my page.md', '/guide/my page/', 'guide/my page/index.html'],
      ['content/index.md', '/', 'index.html'],
    ]);
    expect(result.writer.files.has('guide/my page/index.html')).toBe(true);
    expect(result.writer.files.has('café/index.html')).toBe(true);
    const home = result.writer.text('index.html')!;
    expect(home).toContain('<a href="/guide/my%20page/">a</a> <a href="/guide/my%20page/">b</a> <a href="/caf%C3%A9/">c</a> <a href="/caf%C3%A9/#menu">d</a>');
    // The sidebar links to them the same way (attribute order is the theme's business).
    expect(result.writer.text('guide/my page/index.html')).toMatch(/<a [^>]*href="\/guide\/my%20page\/"[^>]*>My page</);
    expect(result.writer.text('guide/my page/index.html')).toMatch(/<a [^>]*href="\/caf%C3%A9\/"[^>]*>Café</);
  });

  it('reports a link to a misspelt non-ASCII name as broken', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n\n[c](cafe.md)\n', 'content/café.md': '# Café\n' });
    const result = await buildInMemory(root);
    expect(errorsOf(result.diagnostics).map(where)).toEqual(['content/index.md:3:1 links/missing-page']);
  });
});

describe('two sources for one URL', () => {
  it('fail the build with an error naming both, through build()', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n\n[a](a.md)\n', 'content/a.md': '# A file\n', 'content/a/index.md': '# A folder\n' });
    const result = await buildInMemory(root);
    expect(errorsOf(result.diagnostics)).toEqual([
      { file: 'content/a.md', line: 1, column: 1, severity: 'error', message: '"content/a.md" and "content/a/index.md" would both be written to "a/index.html"', rule: 'content/url-collision' },
    ]);
    expect(result.written).toBe(false);
    expect(result.writer.files.size).toBe(0);
  });
});
