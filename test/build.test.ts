import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../src/diagnostics/report.ts';
import { buildInMemory, makeSite } from './helpers.ts';

/**
 * Whole-site fixtures: each folder under test/fixtures is a site whose built HTML, Markdown
 * twins and llms files must equal its expected/ tree (and whose warnings, if any, its expected-report.txt), and each folder under test/invalid is a site whose report
 * must equal its expected.txt. `UPDATE_FIXTURES=1 npx vitest run test/build.test.ts`
 * rewrites the expectations; review the diff before committing it.
 */
const update = process.env.UPDATE_FIXTURES === '1';
const here = path.dirname(new URL(import.meta.url).pathname);
const cases = (dir: string) => readdirSync(path.join(here, dir)).sort();

describe('valid sites build to their expected HTML', () => {
  for (const name of cases('fixtures')) {
    it(name, async () => {
      const root = path.join(here, 'fixtures', name);
      const result = await buildInMemory(root);
      // A valid site may still have warnings: those are pinned in expected-report.txt.
      const report = formatDiagnostics(result.diagnostics, { sources: result.sources });
      const reportFile = path.join(root, 'expected-report.txt');
      if (update && report !== '') writeFileSync(reportFile, `${report}\n`);
      if (update && report === '') rmSync(reportFile, { force: true });
      expect(report === '' ? '' : `${report}\n`).toBe(existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '');
      expect(result.written).toBe(true);
      // The pages, their Markdown twins and llms.txt / llms-full.txt.
      const pinned = (file: string) => /\.(?:html|md|txt)$/.test(file);
      const html = [...result.writer.files.keys()].filter(pinned).sort();
      const expectedDir = path.join(root, 'expected');
      if (update) {
        for (const file of html) {
          mkdirSync(path.dirname(path.join(expectedDir, file)), { recursive: true });
          writeFileSync(path.join(expectedDir, file), result.writer.text(file)!);
        }
      }
      expect(html).toEqual(listFiles(expectedDir).filter(pinned));
      for (const file of html) expect(result.writer.text(file), file).toBe(readFileSync(path.join(expectedDir, file), 'utf8'));
    });
  }
});

describe('invalid sites report exactly these problems, and write nothing', () => {
  for (const name of cases('invalid')) {
    it(name, async () => {
      const root = path.join(here, 'invalid', name);
      const result = await buildInMemory(root);
      const report = `${formatDiagnostics(result.diagnostics, { sources: result.sources })}\n`;
      const expectedFile = path.join(root, 'expected.txt');
      if (update) writeFileSync(expectedFile, report);
      expect(report).toBe(readFileSync(expectedFile, 'utf8'));
      expect(result.written).toBe(false);
      expect(result.writer.files.size).toBe(0);
    });
  }
});

describe('the first seed, built verbatim', () => {
  it('resolves every placeholder, code blocks included', async () => {
    const result = await buildInMemory(path.join(here, 'fixtures', 'seed-users-api'));
    // What a reader sees (and copies): the text, whatever markup highlighting adds.
    const text = textOf(result.writer.text('api/users/index.html')!);
    expect(text).not.toContain('{{');
    expect(text).not.toContain('page.metadata');
    expect(text).toContain('curl -H "Authorization: Bearer YOUR_API_KEY" \\\n     https://api.dataflow.example.com/v1/users?page=1&limit=10');
    expect(text).toContain('base_url="https://api.dataflow.example.com/v1"');
    expect(text).toContain("baseUrl: 'https://api.dataflow.example.com/v1'");
    expect(text).toContain('GET https://api.dataflow.example.com/v1/users/{id}');
    expect(text).toContain('"api_version": "v2.4.0"');
    expect(text).toContain('DataFlow v2.4.0 - Released 2026-11-02');
  });
});

function textOf(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x26': '&', '#39': "'", '#x27': "'" };
  return html.replace(/<[^>]+>/g, '').replace(/&(#x26|#x27|#39|amp|lt|gt|quot);/g, (_, name: string) => entities[name]!);
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

describe('page titles, as readers see them', () => {
  it('come from the rendered page everywhere: placeholders resolved, markup stripped, setext headings, never a code comment', async () => {
    const root = makeSite({
      'site.config.ts': "export default { title: 'Acme Docs', metadata: { product: 'Acme' } };\n",
      'content/index.md': '# Welcome\n\nSee [the CLI](cli.md), [install](install.md), [fetch](fetch.md) and [shell](shell.md).\n',
      'content/cli.md': '# {{ page.metadata.product }} CLI\n\nRun it.\n',
      'content/install.md': 'Install\n=======\n\nSteps.\n',
      'content/fetch.md': '# The `fetch()` **API**\n\nCall it.\n',
      'content/shell.md': '```sh\n# install the CLI\nnpm i acme\n```\n',
    });
    try {
      const result = await buildInMemory(root);
      expect(result.diagnostics).toEqual([]);
      const titles = Object.fromEntries(result.pages.map((page) => [page.url, page.title]));
      expect(titles).toEqual({ '/': 'Welcome', '/cli/': 'Acme CLI', '/install/': 'Install', '/fetch/': 'The fetch() API', '/shell/': 'Shell' });
      const home = result.writer.text('index.html')!;
      const sidebar = /<nav[^>]*aria-label="[^"]*"[^>]*>[\s\S]*?<\/nav>/.exec(home)![0];
      for (const title of ['Acme CLI', 'Install', 'The fetch() API', 'Shell']) expect(sidebar).toContain(`>${title}</a>`);
      expect(home).not.toContain('{{');
      // The pager names the neighbours the same way.
      expect(result.writer.text('fetch/index.html')).toMatch(/Acme CLI|Install/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('show the frontmatter title as the heading of a page that has no level-1 heading of its own', async () => {
    const root = makeSite({
      'content/index.md': '---\ntitle: Start here\n---\nNo heading in this text.\n',
      'content/own.md': '---\ntitle: Own heading\n---\n# Written heading\n\nText.\n',
    });
    try {
      const result = await buildInMemory(root);
      const article = (file: string) => /<article[^>]*>\s*([\s\S]*?)<\/article>/.exec(result.writer.text(file)!)![1]!;
      expect(article('index.html')).toMatch(/^<h1>Start here<\/h1>\n<p>No heading/);
      expect(article('own/index.html')).toMatch(/^<h1 id="written-heading">/);
      expect(article('own/index.html')).not.toContain('Own heading');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
