import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { startDev } from '../../src/dev/dev.ts';
import { DiskWriter } from '../../src/output/writer.ts';
import { MemoryRenderCache } from '../../src/render/cache.ts';
import { SiteNav } from '../../src/nav/site-nav.ts';
import { LlmsList, renderLlmsTxt, twinFilesListed } from '../../src/site-files/llms.ts';
import { buildInMemory, copySite, makeSite } from '../helpers.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const LLMS_FIXTURE = path.join(REPO, 'test/fixtures/llms');

describe('Markdown twins and llms.txt', () => {
  it("DataFlow's Users API twin has the resolved base URL in its curl fence, and no placeholder left", async () => {
    const result = await buildInMemory(REPO, { search: false });
    const twin = result.writer.text('api/users.md')!;
    expect(twin).toMatch(/^# Users API\n/);
    expect(twin).toContain('```bash\ncurl -H "Authorization: Bearer YOUR_API_KEY" \\\n     "https://api.dataflow.example.com/v1/users?limit=10&offset=0"\n```');
    expect(twin).not.toContain('{{');
    expect(twin).not.toContain('{%');
    // The Self-hosted edition's twin has its own base URL and links under its own path.
    const selfHosted = result.writer.text('self-hosted/api/users.md')!;
    expect(selfHosted).toContain('https://dataflow.internal.example/api/v1/users');
    expect(selfHosted).toContain('[install DataFlow Server](/self-hosted/install.md)');
    expect(result.writer.text('self-hosted/llms.txt')).toContain('- [Install DataFlow Server](/self-hosted/install.md)');
  });

  it('keeps the twins of unchanged pages when a new page changes every sidebar, and adds the new one to llms-full.txt', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n', 'content/guide.md': '# Guide\n\nSome text.\n' });
    const out = path.join(root, 'dist');
    const manifest = path.join(root, 'cache', 'output.json');
    const cache = new MemoryRenderCache();
    const run = () => build({ root, writer: new DiskWriter(out, { manifest }), cache, search: false });
    await run();
    const inode = (file: string) => statSync(path.join(out, file)).ino;
    const before = { twin: inode('guide.md'), page: inode('guide/index.html') };
    writeFileSync(path.join(root, 'content/zz-added.md'), '# Added\n\nNew text.\n');
    expect((await run()).written).toBe(true);
    // Kept (linked from the previous output), while its page was laid out again for the new sidebar.
    expect(inode('guide.md')).toBe(before.twin);
    expect(inode('guide/index.html')).not.toBe(before.page);
    expect(readFileSync(path.join(out, 'llms-full.txt'), 'utf8')).toBe('# Home\n\n# Added\n\nNew text.\n\n# Guide\n\nSome text.\n');
  });

  it('`llms: false` writes no twin and no llms file', async () => {
    const root = makeSite({ 'site.config.ts': 'export default { llms: false };\n', 'content/index.md': '# Home\n', 'content/guide.md': '# Guide\n' });
    const result = await buildInMemory(root, { search: false });
    expect([...result.writer.files.keys()].filter((file) => /\.(md|txt)$/.test(file))).toEqual([]);
  });

  it('the dev server makes llms-full.txt when asked, as a build makes it', async () => {
    const root = copySite(LLMS_FIXTURE);
    const dev = await startDev({ root, port: 0 });
    try {
      const answer = await fetch(new URL('llms-full.txt', dev.url));
      expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await answer.text()).toBe(readFileSync(path.join(LLMS_FIXTURE, 'expected/llms-full.txt'), 'utf8'));
      const twin = await fetch(new URL('guides/login.md', dev.url));
      expect(twin.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    } finally {
      await dev.close();
    }
  });

  it('makes llms.txt again only when the sidebar or a page\'s title or description changed', () => {
    const nav = new SiteNav([]);
    const list = new LlmsList();
    const made = { calls: 0 };
    const page = (description: string) => ({ url: '/', outputPath: 'index.html', title: 'Home', frontmatter: { description } });
    const of = (pages: ReturnType<typeof page>[]) => list.of({ nav, site: 'T', pages, make: () => `made ${++made.calls} ${pages[0]!.frontmatter.description}` });
    expect(of([page('One')]).text).toBe('made 1 One');
    expect(of([page('One')]).text).toBe('made 1 One');
    expect(of([page('Two')]).text).toBe('made 2 Two');
    expect(list.of({ nav: new SiteNav([]), site: 'T', pages: [page('Two')], make: () => 'made again' }).text).toBe('made again');
  });

  it('lists the twins llms.txt links to, in its order, under the base and with siteUrl', () => {
    const list = renderLlmsTxt({
      title: 'T', description: '', pages: [{ url: '/', title: 'Home' }, { url: '/a b/', title: 'A [b]' }],
      items: [{ text: 'Home', href: '/d/', url: '/', external: false, items: [] }, { text: 'A', href: '/d/a%20b/', url: '/a b/', external: false, items: [] }],
      twinLink: (url) => `https://x.example/d${url === '/' ? '/index.md' : encodeURI(url.slice(0, -1)) + '.md'}`,
    });
    expect(list).toBe('# T\n\n- [Home](https://x.example/d/index.md)\n- [A \\[b\\]](https://x.example/d/a%20b.md)\n');
    expect(twinFilesListed(list, '/d/')).toEqual(['index.md', 'a b.md']);
  });
});
