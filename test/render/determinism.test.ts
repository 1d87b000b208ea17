import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { DiskWriter, MemoryWriter } from '../../src/output/writer.ts';
import { DiskRenderCache, MemoryRenderCache } from '../../src/render/cache.ts';
import { makeSite, temporaryFolder } from '../helpers.ts';

/**
 * The same input gives the same bytes: however it is built (twice, from another
 * folder, on workers or not, from a warm cache or a cold one). Otherwise every deploy
 * re-uploads the whole site, caches and diffs of the output are useless, and a bug
 * that shows only on some runs cannot be reproduced.
 */

/** A site that exercises most of the pipeline: placeholders, highlighting, tables, alerts, code groups, raw HTML, assets, nav, sitemap. */
function siteFiles(pages: number): Record<string, string> {
  const files: Record<string, string> = {
    'site.config.ts': "export default { title: 'Determinism', siteUrl: 'https://docs.example.com', metadata: { product: 'DataFlow', version: 'v2.4.0', api: 'https://api.example.com/v1' } };\n",
    'content/index.md': `# Welcome to {{ page.metadata.product }}\n\n${Array.from({ length: pages }, (_, i) => `- [Page ${i}](guide/page-${i}.md)`).join('\n')}\n`,
    'content/img/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n',
  };
  for (let i = 0; i < pages; i++) {
    files[`content/guide/page-${i}.md`] = `---
title: Page ${i}
order: ${(i * 7) % 5}
description: The page number ${i}
---
# Page ${i}

Version {{ page.metadata.version }}, see [the next page](page-${(i + 1) % pages}.md#usage) and ![diagram](../img/diagram.svg).

## Usage

\`\`\`bash
curl -H "Authorization: Bearer KEY" {{ page.metadata.api }}/items/${i}
\`\`\`

\`\`\`python tab="Python"
import dataflow
client = dataflow.Client("${i}")
\`\`\`

\`\`\`javascript tab="JavaScript"
const client = new DataFlow.Client('${i}');
\`\`\`

| Name | Type | Description |
|------|:----:|------------:|
| id | \`int\` | The id of item ${i} |
| name | \`string\` | Its **name** |

> [!WARNING]
> Rate limits apply: ${i * 10} requests a minute.

## Usage

A second heading with the same text gets its own id.

<details><summary>More</summary>

Hidden *text* ${i}, with a <kbd>Ctrl</kbd> key.

</details>

1. first
2. second
   - nested [link](../index.md)
`;
  }
  return files;
}

/** Every file under `dir` with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, absolute)] = createHash('sha256').update(readFileSync(absolute)).digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A MemoryWriter's files as text or base64, in name order, for exact comparison. */
function contents(writer: MemoryWriter): Record<string, string> {
  return Object.fromEntries(
    [...writer.files.keys()].sort().map((file) => {
      const content = writer.files.get(file)!;
      return [file, typeof content === 'string' ? content : `base64:${Buffer.from(content).toString('base64')}`];
    }),
  );
}

describe('determinism', () => {
  it('two builds of the same site, search index included, write byte-identical trees, even from another folder', async () => {
    const root = makeSite(siteFiles(12));
    const first = await build({ root, writer: new DiskWriter(path.join(root, 'dist')) });
    expect(first.diagnostics).toEqual([]);
    const a = snapshot(path.join(root, 'dist'));
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['index.html', 'guide/page-0/index.html', 'sitemap.xml', '404.html', 'img/diagram.svg']));
    expect(Object.keys(a).some((file) => file.startsWith('pagefind/') && file.endsWith('.pf_fragment'))).toBe(true);

    // Again, into the same folder (replacing it).
    await build({ root, writer: new DiskWriter(path.join(root, 'dist')) });
    expect(snapshot(path.join(root, 'dist'))).toEqual(a);

    // And a copy of the site elsewhere: no absolute path or time of day leaks into the output.
    const elsewhere = temporaryFolder('elsewhere');
    cpSync(root, elsewhere, { recursive: true, filter: (source) => !source.includes(`${path.sep}dist`) });
    const moved = await build({ root: elsewhere, writer: new DiskWriter(path.join(elsewhere, 'out')) });
    expect(moved.diagnostics).toEqual([]);
    expect(snapshot(path.join(elsewhere, 'out'))).toEqual(a);
  });

  it('renders the same bytes on worker threads as in this thread', async () => {
    const root = makeSite(siteFiles(16));
    const here = new MemoryWriter();
    const onWorkers = new MemoryWriter();
    const inThread = await build({ root, writer: here, workers: 0, search: false });
    const pooled = await build({ root, writer: onWorkers, workers: 2, search: false });
    expect(inThread.diagnostics).toEqual([]);
    expect(pooled.diagnostics).toEqual([]);
    expect(pooled.stats.rendered).toBe(17);
    expect(contents(onWorkers)).toEqual(contents(here));
    // What the build reports is the same too, not only what it writes.
    expect(pooled.pages).toEqual(inThread.pages);
  });

  it('builds the same bytes from a warm render cache as from a cold one, also after a page was added or edited', async () => {
    const root = makeSite(siteFiles(10));
    const cache = new MemoryRenderCache();
    const cold = new MemoryWriter();
    const first = await build({ root, writer: cold, cache, search: false });
    expect(first.diagnostics).toEqual([]);
    expect(first.stats.rendered).toBe(11);
    // A writer that holds nothing yet: pages are laid out again from the cached content.
    const warm = new MemoryWriter();
    expect((await build({ root, writer: warm, cache, search: false })).stats).toEqual({ rendered: 0, laidOut: 11, reused: 0 });
    expect(contents(warm)).toEqual(contents(cold));
    // The same writer again: it holds every page as it would be made, so none is made.
    expect((await build({ root, writer: warm, cache, search: false })).stats).toEqual({ rendered: 0, laidOut: 0, reused: 11 });
    expect(contents(warm)).toEqual(contents(cold));

    // A new page changes every page's sidebar: cached content gets a fresh layout, and must
    // come out exactly as a build without any cache makes it.
    writeFileSync(path.join(root, 'content/guide/added.md'), '---\ntitle: Added\norder: 0\n---\n# Added\n\nNew {{ page.metadata.product }}.\n');
    writeFileSync(path.join(root, 'content/guide/page-3.md'), '# Page 3, edited\n\n## Usage\n\nEdited text, [home](../index.md).\n');
    const rewarmed = new MemoryWriter();
    const incremental = await build({ root, writer: rewarmed, cache, search: false });
    expect(incremental.stats).toMatchObject({ rendered: 2, laidOut: 10 });
    expect(incremental.diagnostics).toEqual([]);
    const fresh = new MemoryWriter();
    expect((await build({ root, writer: fresh, search: false })).diagnostics).toEqual([]);
    expect(contents(rewarmed)).toEqual(contents(fresh));
    expect(contents(fresh)['guide/page-0/index.html']).toContain('Added');
  });

  it('builds the same bytes after each metadata edit from a warm cache as from none, re-rendering only the pages that read what changed', async () => {
    const config = (metadata: Record<string, unknown>) => `export default { title: 'Reads', metadata: ${JSON.stringify(metadata)} };\n`;
    const root = makeSite({
      'site.config.ts': config({ product: 'DataFlow', api: 'https://api.example.com', footer: 'f1', list: ['a', 'b'] }),
      'content/index.md': '# {{ page.metadata.product }}\n\n[Named](named.md) [Partial](partial.md) [Loop](loop.md) [Plain](plain.md) [Own](own.md)\n',
      'content/named.md': '# Named\n\n```bash\ncurl {{ page.metadata.api }}/users\n```\n\nItems: {{ site.metadata.list | join: ", " }}\n',
      'content/partial.md': '# Partial\n\n{% include "partials/footer" %}\n',
      'content/loop.md': '# Loop\n\n{% for pair in page.metadata %}- {{ pair[0] }}\n{% endfor %}\n',
      'content/plain.md': '# Plain\n\nNo placeholder at all.\n',
      'content/own.md': '---\nmetadata:\n  product: Own\n---\n# {{ page.metadata.product }}\n',
      'templates/partials/footer.liquid': 'Footer {{ page.metadata.footer }}',
    });
    const cache = new MemoryRenderCache();
    expect((await build({ root, writer: new MemoryWriter(), cache, search: false })).stats.rendered).toBe(6);
    const edits: [Record<string, unknown>, number][] = [
      // product: index, own (its frontmatter wins, but it reads the key), loop.
      [{ product: 'DataFlow 2', api: 'https://api.example.com', footer: 'f1', list: ['a', 'b'] }, 3],
      [{ product: 'DataFlow 2', api: 'https://api.example.com', footer: 'f2', list: ['a', 'b'] }, 2],
      [{ product: 'DataFlow 2', api: 'https://api.example.com', footer: 'f2', list: ['a', 'c'] }, 2],
      [{ product: 'DataFlow 2', api: 'https://api.example.com', footer: 'f2', list: ['a', 'c'], unread: true }, 1],
      [{ product: 'DataFlow 2', api: 'https://api.example.com', footer: 'f2', list: ['a', 'c'], unread: false }, 1],
      [{ product: 'DataFlow', api: 'https://api.example.com', footer: 'f1', list: ['a', 'b'] }, 0],
    ];
    for (const [metadata, rendered] of edits) {
      writeFileSync(path.join(root, 'site.config.ts'), config(metadata));
      const warm = new MemoryWriter();
      const result = await build({ root, writer: warm, cache, search: false });
      expect(result.diagnostics).toEqual([]);
      expect(result.stats.rendered, JSON.stringify(metadata)).toBe(rendered);
      const fresh = new MemoryWriter();
      await build({ root, writer: fresh, search: false });
      expect(contents(warm)).toEqual(contents(fresh));
    }
  });

  it('rebuilds on disk from the cache and the previous output: nothing changed writes nothing, one edit writes what it changes, and the bytes are those of a cold build', async () => {
    const root = makeSite(siteFiles(8));
    const out = path.join(root, 'dist');
    const cacheDir = path.join(root, 'node_modules/.cache/docsmith');
    const options = () => ({ root, writer: new DiskWriter(out, { manifest: path.join(cacheDir, 'output.json') }), cache: new DiskRenderCache(cacheDir) });
    expect((await build(options())).stats).toEqual({ rendered: 9, laidOut: 0, reused: 0 });
    const cold = snapshot(out);
    expect(Object.keys(cold)).toEqual(expect.arrayContaining(['pagefind/pagefind.js', 'sitemap.xml']));

    const folder = statSync(out).ino;
    const again = await build(options());
    expect(again.stats).toEqual({ rendered: 0, laidOut: 0, reused: 9 });
    expect(again.pages.map((page) => page.url)).toHaveLength(9);
    // Not even swapped: the folder is the one the first build made.
    expect(statSync(out).ino).toBe(folder);
    expect(snapshot(out)).toEqual(cold);

    // A page edited, and another page's output damaged by hand: both are made again, the
    // search index with them, and the result is what a build from nothing makes.
    writeFileSync(path.join(root, 'content/guide/page-3.md'), '# Page 3, edited\n\n## Usage\n\nEdited text, [home](../index.md).\n');
    writeFileSync(path.join(out, 'guide/page-5/index.html'), 'damaged');
    const edited = await build(options());
    expect(edited.stats).toEqual({ rendered: 1, laidOut: 8, reused: 0 });
    const fresh = path.join(root, 'fresh');
    await build({ root, writer: new DiskWriter(fresh) });
    expect(snapshot(out)).toEqual(snapshot(fresh));

    // Without search, pages the output holds are kept even when another page's text changed
    // (but not its title or order: every sidebar would change).
    writeFileSync(path.join(root, 'content/guide/page-4.md'), '---\ntitle: Page 4\norder: 3\n---\n# Page 4\n\n## Usage\n\nEdited too, [home](../index.md).\n');
    expect((await build({ ...options(), search: false })).stats).toEqual({ rendered: 1, laidOut: 0, reused: 8 });
    await build({ root, writer: new DiskWriter(fresh), search: false });
    expect(snapshot(out)).toEqual(snapshot(fresh));
  });
});
