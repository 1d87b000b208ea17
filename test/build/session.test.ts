import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildSession, build } from '../../src/build/index.ts';
import { MemoryWriter } from '../../src/output/writer.ts';
import { DiskRenderCache, MemoryRenderCache } from '../../src/render/cache.ts';
import { FULL_SIDEBAR_LIMIT } from '../../src/nav/sidebar-html.ts';
import { buildInMemory, makeSite } from '../helpers.ts';

/** A small site: two pages on the default layout, one on its own, one including a partial. */
function site() {
  return makeSite({
    'site.config.ts': "export default { title: 'T', metadata: { v: '1.0' } };\n",
    'content/index.md': '---\ntitle: Home\n---\n# Home {{ page.metadata.v }}\n\n[A](./a.md) [B](./b.md) [C](./c.md)\n',
    'content/a.md': '---\ntitle: A\n---\nA text\n',
    'content/b.md': '---\ntitle: B\nlayout: wide\n---\nB text\n',
    'content/c.md': '---\ntitle: C\n---\n{% include "partials/note" %}\n',
    'templates/layout.liquid': '<main>{{ content | raw }}</main>',
    'templates/wide.liquid': '<div class="wide">{{ content | raw }}</div>',
    'templates/partials/note.liquid': 'Note v1',
  });
}

const sessions: BuildSession[] = [];
function session(root: string) {
  const writer = new MemoryWriter();
  const created = new BuildSession({ root, writer, cache: new MemoryRenderCache(), search: false });
  sessions.push(created);
  return { session: created, writer };
}
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

async function change(s: BuildSession, root: string, file: string, text: string | null) {
  if (text === null) rmSync(path.join(root, file));
  else writeFileSync(path.join(root, file), text);
  s.invalidate([file]);
  return s.run();
}

describe('BuildSession rebuilds only what a change affects', () => {
  it('re-renders nothing when nothing changed', async () => {
    const root = site();
    const { session: s } = session(root);
    expect((await s.run()).stats).toMatchObject({ rendered: 4, laidOut: 0 });
    expect((await s.run()).stats).toMatchObject({ rendered: 0, laidOut: 0 });
  });

  it('re-renders one page for a page edit', async () => {
    const root = site();
    const { session: s, writer } = session(root);
    await s.run();
    const result = await change(s, root, 'content/a.md', '---\ntitle: A\n---\nA edited\n');
    expect(result.stats).toMatchObject({ rendered: 1, laidOut: 0 });
    expect(writer.text('a/index.html')).toContain('A edited');
  });

  it('gives every page the new sidebar when an edit changes a page\'s rendered title, and re-renders none of them', async () => {
    const root = makeSite({
      'site.config.ts': "export default { title: 'T', metadata: { product: 'Acme' } };\n",
      'content/index.md': '# Home\n\n[CLI](./cli.md)\n',
      'content/cli.md': '# {{ page.metadata.product }} CLI\n',
      'content/other.md': '# Other\n',
    });
    const { session: s, writer } = session(root);
    await s.run();
    expect(writer.text('other/index.html')).toContain('>Acme CLI</a>');
    const result = await change(s, root, 'content/cli.md', 'The command line\n================\n');
    expect(result.stats).toMatchObject({ rendered: 1, laidOut: 2 });
    for (const file of ['index.html', 'other/index.html', 'cli/index.html']) expect(writer.text(file), file).toContain('>The command line</a>');
    // Editing the text under the heading leaves the sidebar, so no other page is laid out again.
    expect((await change(s, root, 'content/cli.md', 'The command line\n================\n\nMore.\n')).stats).toMatchObject({ rendered: 1, laidOut: 0 });
  });

  it('re-renders exactly the pages that use a changed layout or partial', async () => {
    const root = site();
    const { session: s, writer } = session(root);
    await s.run();
    // wide.liquid is b's layout only; its content is cached, so only its layout is applied again.
    expect((await change(s, root, 'templates/wide.liquid', '<div class="wider">{{ content | raw }}</div>')).stats).toMatchObject({ rendered: 0, laidOut: 1 });
    expect(writer.text('b/index.html')).toContain('class="wider"');
    // The partial is in c's body: c's content is rendered again, and no other page.
    expect((await change(s, root, 'templates/partials/note.liquid', 'Note v2')).stats).toMatchObject({ rendered: 1, laidOut: 0 });
    expect(writer.text('c/index.html')).toContain('Note v2');
  });

  it('re-renders for a metadata change only the pages that read the key, and lays the others out again', async () => {
    const root = site();
    const { session: s, writer } = session(root);
    await s.run();
    const result = await change(s, root, 'site.config.ts', "export default { title: 'T', metadata: { v: '2.0' } };\n");
    expect(result.stats).toEqual({ rendered: 1, laidOut: 3, reused: 0 });
    expect(writer.text('index.html')).toContain('Home 2.0');
    // A key no page reads: nothing to render.
    expect((await change(s, root, 'site.config.ts', "export default { title: 'T', metadata: { v: '2.0', unread: 1 } };\n")).stats).toMatchObject({ rendered: 0 });
  });

  it('re-renders everything for a change to the other settings', async () => {
    const root = site();
    const { session: s, writer } = session(root);
    await s.run();
    const result = await change(s, root, 'site.config.ts', "export default { title: 'T2', metadata: { v: '1.0' } };\n");
    expect(result.stats).toMatchObject({ rendered: 4 });
    expect(writer.text('index.html')).toContain('Home 1.0');
  });

  it('updates the navigation of every page when a page is added, renamed or deleted, without re-rendering their content', async () => {
    const root = makeSite({
      'content/index.md': '# Home\n',
      'content/a.md': '# A\n',
      'templates/layout.liquid': '<nav>{% for item in nav.sidebar %}[{{ item.text }}]{% endfor %}</nav>{{ content | raw }}',
    });
    const { session: s, writer } = session(root);
    await s.run();
    expect(writer.text('index.html')).toContain('<nav>[Home][A]</nav>');

    expect((await change(s, root, 'content/b.md', '# B\n')).stats).toMatchObject({ rendered: 1, laidOut: 2 });
    expect(writer.text('index.html')).toContain('<nav>[Home][A][B]</nav>');

    renameSync(path.join(root, 'content/b.md'), path.join(root, 'content/c.md'));
    s.invalidate(['content/b.md', 'content/c.md']);
    const renamed = await s.run();
    expect(writer.files.has('b/index.html')).toBe(false);
    expect(writer.text('c/index.html')).toContain('<nav>[Home][A][B]</nav>');
    expect(renamed.stats.rendered).toBe(1);

    await change(s, root, 'content/c.md', null);
    expect(writer.files.has('c/index.html')).toBe(false);
    expect(writer.text('a/index.html')).toContain('<nav>[Home][A]</nav>');
  });
});

/** Two sections past the full-sidebar limit: a page's sidebar shows its own section and the other's heading. */
function bigSite(layout?: string) {
  const files: Record<string, string> = { 'content/index.md': '# Home\n' };
  for (const section of ['alpha', 'beta']) {
    for (let i = 0; i < FULL_SIDEBAR_LIMIT / 2 + 1; i++) files[`content/${section}/p${String(i).padStart(2, '0')}.md`] = `# ${section} ${i}\n\nText.\n`;
  }
  if (layout) files['templates/layout.liquid'] = layout;
  return makeSite(files);
}

describe("a big site's page added to one section", () => {
  const sectionSize = FULL_SIDEBAR_LIMIT / 2 + 1;

  it("lays out again that section's pages only, and gives the output a cold build gives", async () => {
    const root = bigSite();
    const { session: s, writer } = session(root);
    await s.run();
    const otherSection = writer.text('beta/p03/index.html');
    const added = await change(s, root, 'content/alpha/p99.md', '# alpha added\n');
    // Alpha's pages show the new entry (or a new "N more" count), and beta's first page has it as
    // "Previous"; the other beta pages and the home page show alpha's heading alone, as before.
    expect(added.stats).toMatchObject({ rendered: 1, laidOut: sectionSize + 1, reused: sectionSize });
    expect(writer.text('beta/p00/index.html')).toContain('<a class="pager-link pager-prev" href="/alpha/p99/"');
    expect(writer.text('alpha/p75/index.html')).toContain('href="/alpha/p99/"');
    expect(writer.text('beta/p03/index.html')).toBe(otherSection);
    const fresh = await buildInMemory(root, { search: false });
    expect([...writer.files.keys()].sort()).toEqual([...fresh.writer.files.keys()].sort());
    for (const [file] of fresh.writer.files) expect(writer.text(file), file).toBe(fresh.writer.text(file));
  });

  it('lays out every page again when the layout reads the whole sidebar (`nav.sidebar`)', async () => {
    const root = bigSite('<nav>{{ nav.sidebar.size }}</nav>{{ nav.sidebar_html | raw }}{{ content | raw }}');
    const { session: s } = session(root);
    await s.run();
    const added = await change(s, root, 'content/alpha/p99.md', '# alpha added\n');
    expect(added.stats).toMatchObject({ rendered: 1, laidOut: 2 * sectionSize + 1, reused: 0 });
  });
});

describe('the cache never changes the output', () => {
  it('builds byte-identical sites cold, from a warm disk cache, and with a corrupted one', async () => {
    const root = site();
    const cacheDir = path.join(root, 'node_modules/.cache/docsmith');
    const outputs: Array<ReadonlyMap<string, string | Uint8Array>> = [];
    for (let run = 0; run < 3; run++) {
      if (run === 2) {
        // Damage every entry: each must be ignored and rendered again.
        for (const file of (await import('node:fs')).readdirSync(cacheDir, { recursive: true, withFileTypes: true })) {
          if (file.isFile()) writeFileSync(path.join(file.parentPath, file.name), 'garbage');
        }
      }
      const writer = new MemoryWriter();
      const result = await build({ root, writer, cache: new DiskRenderCache(cacheDir), search: false });
      expect(result.stats.rendered).toBe(run === 1 ? 0 : 4);
      outputs.push(writer.files);
    }
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });
});
