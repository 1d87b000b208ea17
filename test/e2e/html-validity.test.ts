import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSite, REPO } from './harness.ts';

const VNU = path.join(REPO, 'node_modules/vnu-jar/build/dist/vnu.jar');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every page the theme writes, with and without a base, passes the W3C Nu HTML Checker. */
describe.skipIf(!existsSync(VNU))('the Nu HTML Checker', () => {
  it('finds no errors in any HTML file of dist/', async () => {
    // One after the other: builds share Pagefind's single service process.
    // The second with a preview image: og:image and the large card's tags.
    const outs = [await buildSite(), await buildSite({ config: { base: '/docs/', siteUrl: 'https://example.com', image: 'https://example.com/card.png' } })];
    const files = outs.flatMap(htmlFiles);
    expect(files.length).toBeGreaterThanOrEqual(6);
    // What is checked includes the page footer (edit link, last commit date) and the preview tags.
    const all = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const markup of ['class="page-meta-edit"', '<time datetime="2026-11-02T09:30:00Z">', 'property="og:url"', 'property="og:image"', 'name="generator"']) expect(all).toContain(markup);
    // vnu exits non-zero when it finds errors; the JSON report on stderr is what we read.
    const result = await promisify(execFile)('java', ['-XX:-UsePerfData', '-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 10_000_000 }).catch((error: { stderr: string }) => error);
    const messages = (JSON.parse(result.stderr) as { messages: Array<{ url: string; lastLine?: number; message: string }> }).messages;
    expect(messages.map((m) => `${m.url.replace(/^.*docsmith-e2e-[^/]+\//, '')}:${m.lastLine ?? 0}: ${m.message}`)).toEqual([]);
  });
});
