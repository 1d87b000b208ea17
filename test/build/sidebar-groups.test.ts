import { describe, expect, it } from 'vitest';
import { FULL_SIDEBAR_LIMIT } from '../../src/nav/sidebar-html.ts';
import { buildInMemory, makeSite } from '../helpers.ts';

/** Two sections past the full-sidebar limit, served under /docs/. */
function bigSite() {
  const files: Record<string, string> = {
    'site.config.ts': "export default { title: 'Acme', base: '/docs/' };\n",
    'content/index.md': '# Home\n\nWelcome.\n',
  };
  for (const section of ['alpha', 'beta']) {
    for (let i = 0; i < FULL_SIDEBAR_LIMIT / 2 + 1; i++) files[`content/${section}/p${i}.md`] = `# ${section} ${i}\n\nText.\n`;
  }
  return makeSite(files);
}

describe("the sidebar's collapsed groups", () => {
  it("are written as JSON beside the theme's assets, and each page lists its own section only", async () => {
    const { diagnostics, writer } = await buildInMemory(bigSite());
    expect(diagnostics).toEqual([]);
    const page = writer.text('alpha/p1/index.html')!;
    expect(page).toContain('<a aria-current="page" href="/docs/alpha/p1/">alpha 1</a>');
    expect(page).toContain('href="/docs/alpha/p2/"');
    expect(page).toMatch(/<li data-nav-group="([0-9a-f]{16})"><a href="\/docs\/beta\/">Beta<\/a>/);
    expect(page).not.toContain('/docs/beta/p2/');
    const id = /<li data-nav-group="([0-9a-f]{16})"><a href="\/docs\/beta\/">/.exec(page)![1];
    const entries = JSON.parse(writer.text(`assets/nav/${id}.json`)!) as Array<{ text: string; href: string }>;
    expect(entries).toHaveLength(FULL_SIDEBAR_LIMIT / 2 + 1);
    expect(entries).toContainEqual({ text: 'beta 2', href: '/docs/beta/p2/' });
  });

  it('are not written for a small site, whose pages show the whole sidebar', async () => {
    const { writer } = await buildInMemory(makeSite({ 'content/index.md': '# Home\n', 'content/a/b.md': '# B\n' }));
    expect([...writer.files.keys()].filter((file) => file.startsWith('assets/nav/'))).toEqual([]);
    expect(writer.text('index.html')).not.toContain('data-nav-group');
  });
});
