import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../src/diagnostics/report.ts';
import { buildInMemory } from './helpers.ts';

/**
 * Whole-site fixtures: each folder under test/fixtures is a site whose built HTML must
 * equal its expected/ tree, and each folder under test/invalid is a site whose report
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
      expect(formatDiagnostics(result.diagnostics)).toBe('');
      const html = [...result.writer.files.keys()].filter((file) => file.endsWith('.html')).sort();
      const expectedDir = path.join(root, 'expected');
      if (update) {
        for (const file of html) {
          mkdirSync(path.dirname(path.join(expectedDir, file)), { recursive: true });
          writeFileSync(path.join(expectedDir, file), result.writer.text(file)!);
        }
      }
      expect(html).toEqual(listFiles(expectedDir).filter((file) => file.endsWith('.html')));
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
