import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as sources from '../../src/index.ts';

const run = promisify(execFile);
const API = pathToFileURL(path.resolve('bin/api.mjs')).href;
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Runs an ES module script in a plain `node` process (no TypeScript loader), as an API user's script runs; returns what it prints as JSON. */
async function nodeScript(script: string): Promise<unknown> {
  // A file, not `--input-type=module -e`: workers inherit Node's options, and that one is for `-e` alone.
  const dir = mkdtempSync(path.join(tmpdir(), 'docsmith-api-script-'));
  folders.push(dir);
  writeFileSync(path.join(dir, 'script.mjs'), script);
  const { stdout } = await run(process.execPath, [path.join(dir, 'script.mjs')]);
  return JSON.parse(stdout);
}

describe('bin/api.mjs (the package’s `import … from "docsmith"`)', () => {
  it('exports what src/index.ts exports', async () => {
    const names = await nodeScript(`console.log(JSON.stringify(Object.keys(await import(${JSON.stringify(API)})).sort()));`);
    expect(names).toEqual(Object.keys(sources).sort());
  });

  it('builds with render workers from plain JavaScript: build({ workers }) needs no TypeScript loader', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'docsmith-api-'));
    folders.push(root);
    mkdirSync(path.join(root, 'content'));
    writeFileSync(path.join(root, 'content', 'index.md'), '# Home\n\n[Guide](./guide.md)\n');
    writeFileSync(path.join(root, 'content', 'guide.md'), '# Guide {{ page.metadata.who }}\n');
    writeFileSync(path.join(root, 'site.config.ts'), "export default { metadata: { who: 'writers' } };\n");
    const script = `
      const { build, MemoryWriter } = await import(${JSON.stringify(API)});
      const writer = new MemoryWriter();
      const result = await build({ root: ${JSON.stringify(root)}, writer, workers: 2, search: false });
      console.log(JSON.stringify({ pages: result.pages.length, diagnostics: result.diagnostics, guide: writer.files.get('guide/index.html')?.toString() }));`;
    const result = (await nodeScript(script)) as { pages: number; diagnostics: unknown[]; guide: string };
    expect(result.diagnostics).toEqual([]);
    expect(result.pages).toBe(2);
    expect(result.guide).toContain('<h1 id="guide-writers">Guide writers</h1>');
  });
});
