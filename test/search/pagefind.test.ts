import { describe, expect, it } from 'vitest';
import { MemoryWriter } from '../../src/output/writer.ts';
import { startSearchIndex, writeSearchIndex } from '../../src/search/pagefind.ts';

const html = (title: string, body: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Sidebar words</nav><article data-pagefind-body><h1>${title}</h1><p>${body}</p></article></body></html>`;

describe('writeSearchIndex', () => {
  it('writes the index through the writer, with result URLs under the base', async () => {
    const writer = new MemoryWriter();
    const problems = await writeSearchIndex({
      pages: [
        { file: 'content/index.md', url: '/', html: html('Home', 'Welcome') },
        { file: 'content/api/users.md', url: '/api/users/', html: html('Users API', 'Each user has an email address.') },
        { file: 'content/broken.md', url: '/broken/', html: undefined },
      ],
      base: '/docs/',
      writer,
    });
    writer.commit();
    expect(problems).toEqual([]);
    const files = [...writer.files.keys()];
    expect(files).toContain('pagefind/pagefind.js');
    expect(files).toContain('pagefind/pagefind-entry.json');
    expect(files.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    expect(files.some((file) => /pagefind-ui|component-ui/.test(file))).toBe(false);
    // Fragments are gzip-compressed JSON; the page URL must carry the base.
    const { gunzipSync } = await import('node:zlib');
    const fragments = files.filter((file) => file.startsWith('pagefind/fragment/')).map((file) => gunzipSync(writer.files.get(file) as Uint8Array).toString('utf8'));
    expect(fragments.some((text) => text.includes('"url":"/docs/api/users/"') && text.includes('email'))).toBe(true);
    expect(fragments.join('')).not.toContain('Sidebar words');
  });

  it('can be cancelled mid-indexing (a save in the dev server): writing fails, nothing is left unhandled, and the next index works', async () => {
    const indexer = await startSearchIndex({ base: '/' });
    for (let i = 0; i < 200; i++) indexer.add({ file: `content/p${i}.md`, url: `/p${i}/`, html: html(`Page ${i}`, 'Some words to index. '.repeat(50)) });
    const writing = indexer.write(new MemoryWriter());
    await indexer.cancel();
    await expect(writing).rejects.toThrow();
    const writer = new MemoryWriter();
    expect(await writeSearchIndex({ pages: [{ file: 'content/index.md', url: '/', html: html('Home', 'Welcome') }], base: '/', writer })).toEqual([]);
    writer.commit();
    expect(writer.files.has('pagefind/pagefind.js')).toBe(true);
  });

  it('keeps two indexes of one process apart: cancelling one leaves the other whole (two sessions, or a build beside the dev server)', async () => {
    const first = await startSearchIndex({ base: '/' });
    const second = await startSearchIndex({ base: '/' });
    first.add({ file: 'content/a.md', url: '/a/', html: html('Alpha', 'Only in the first site') });
    second.add({ file: 'content/b.md', url: '/b/', html: html('Beta', 'Only in the second site') });
    await first.cancel();
    const writer = new MemoryWriter();
    expect(await second.write(writer)).toEqual([]);
    writer.commit();
    const { gunzipSync } = await import('node:zlib');
    const fragments = [...writer.files].filter(([file]) => file.startsWith('pagefind/fragment/')).map(([, content]) => gunzipSync(content as Uint8Array).toString('utf8'));
    expect(fragments.join('')).toContain('second site');
    expect(fragments.join('')).not.toContain('first site');
  });
});
