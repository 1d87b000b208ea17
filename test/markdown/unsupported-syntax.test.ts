import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/report.ts';
import { buildInMemory } from '../helpers.ts';

/**
 * A site migrated from VitePress, Docusaurus and Jekyll, with what we do not support left
 * in: each is a warning at its place in the source file (through frontmatter and
 * placeholders), and the site is built. `UPDATE_FIXTURES=1` rewrites expected.txt.
 */
describe('syntax we do not support is reported, never dropped silently', () => {
  it('warns at each construct and builds the site', async () => {
    const root = path.join(path.dirname(new URL(import.meta.url).pathname), 'sites', 'unsupported-syntax');
    const result = await buildInMemory(root);
    const report = `${formatDiagnostics(result.diagnostics, { sources: result.sources })}\n`;
    const expectedFile = path.join(root, 'expected.txt');
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedFile, report);
    expect(report).toBe(readFileSync(expectedFile, 'utf8'));
    expect(result.written).toBe(true);
    const body = /<article[^>]*>([\s\S]*?)<\/article>/.exec(result.writer.text('index.html')!)![1]!;
    expect(body).toContain('<h2 id="streaming">Streaming');
    expect(body).toContain('<div class="callout callout-warning" role="note"><p class="callout-title">DataFlow 3 drops Node 18</p>');
    expect(body).not.toMatch(/\{:|\{#|<script|onclick|style=|badge/i);
  });
});
