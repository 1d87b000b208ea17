import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { MemoryWriter } from '../../src/output/writer.ts';
import { MemoryRenderCache } from '../../src/render/cache.ts';
import { buildInMemory, copySite, makeSite } from '../helpers.ts';

/** The whole-site fixture's expected tree pins the pages; these pin what a page alone does not show. */
const FIXTURE = path.resolve('test/fixtures/variants');

function contents(writer: MemoryWriter): Record<string, string> {
  return Object.fromEntries([...writer.files.keys()].sort().map((file) => [file, String(writer.text(file) ?? 'binary')]));
}

describe('a site with variants', () => {
  it('renders a page once for every variant whose values it reads alike, and lays it out in each', async () => {
    const result = await buildInMemory(FIXTURE);
    expect(result.diagnostics).toEqual([]);
    // 17 pages across the 4 variants. index.md and deploy/index.md read only `product` (the
    // same everywhere), retention.md and quotas.md nothing: one rendering each. streams.md
    // reads the endpoint, the command and the variant: one per variant. broker.md is in one.
    expect(result.pages).toHaveLength(4 + 5 + 3 + 5);
    expect(result.stats.rendered).toBe(1 + 1 + 1 + 1 + 4 + 1);
  });

  it('lists in the sitemap the pages search engines should find: not a preview, not an outdated page the default has', async () => {
    const { writer } = await buildInMemory(FIXTURE);
    const urls = [...writer.text('sitemap.xml')!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(urls).toEqual([
      'https://docs.tidewater.example/',
      'https://docs.tidewater.example/on-premises/',
      'https://docs.tidewater.example/on-premises/deploy/',
      'https://docs.tidewater.example/on-premises/deploy/broker/',
      'https://docs.tidewater.example/on-premises/reference/',
      'https://docs.tidewater.example/on-premises/reference/retention/',
      'https://docs.tidewater.example/on-premises/reference/streams/',
      'https://docs.tidewater.example/reference/',
      'https://docs.tidewater.example/reference/quotas/',
      'https://docs.tidewater.example/reference/retention/',
      'https://docs.tidewater.example/reference/streams/',
    ]);
  });

  it('gives each variant its own search index, of its own pages and landing pages', async () => {
    // With the built-in theme, whose article Pagefind reads.
    const root = copySite(FIXTURE);
    rmSync(path.join(root, 'templates'), { recursive: true });
    const { writer } = await buildInMemory(root, { search: true });
    const indexes = [...writer.files.keys()].filter((file) => file.endsWith('pagefind-entry.json')).sort();
    expect(indexes).toEqual(['next/pagefind/pagefind-entry.json', 'on-premises/pagefind/pagefind-entry.json', 'pagefind/pagefind-entry.json', 'v2/pagefind/pagefind-entry.json']);
    const pageCount = (file: string) => (JSON.parse(writer.text(file)!) as { languages: Record<string, { page_count: number }> }).languages;
    expect(Object.values(pageCount('on-premises/pagefind/pagefind-entry.json'))[0]!.page_count).toBe(5 + 1);
    expect(Object.values(pageCount('pagefind/pagefind-entry.json'))[0]!.page_count).toBe(4 + 1);
  });

  it('builds the same bytes on workers as in this thread, and from a warm cache as from none', async () => {
    const root = copySite(FIXTURE);
    const here = new MemoryWriter();
    const pooled = new MemoryWriter();
    await build({ root, writer: here, workers: 0, search: false });
    await build({ root, writer: pooled, workers: 2, search: false });
    expect(contents(pooled)).toEqual(contents(here));
    const cache = new MemoryRenderCache();
    await build({ root, writer: new MemoryWriter(), cache, search: false });
    const warm = new MemoryWriter();
    const again = await build({ root, writer: warm, cache, search: false });
    expect(again.stats.rendered).toBe(0);
    expect(contents(warm)).toEqual(contents(here));
  });

  it('leaves out of a configured sidebar the entries for pages the variant lacks, and groups left empty', async () => {
    const root = makeSite({
      'site.config.ts': `export default {
        variants: [{ name: 'cloud', default: true }, { name: 'server' }],
        nav: [{ text: 'Home', link: '/' }, { text: 'Running it', items: [{ text: 'Install', link: 'install.md' }, { text: 'Upgrade', link: 'upgrade.md' }] }, { text: 'Limits', link: 'limits.md' }],
      };`,
      'content/index.md': '# Home',
      'content/install.md': '---\nvariants: [server]\n---\n# Install',
      'content/upgrade.md': '---\nvariants: [server]\n---\n# Upgrade',
      'content/limits.md': '# Limits',
    });
    const { writer, diagnostics } = await buildInMemory(root);
    expect(diagnostics).toEqual([]);
    const sidebar = (file: string) => [...writer.text(file)!.matchAll(/<a[^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`).filter((entry) => /^(Home|Install|Upgrade|Limits|Running it) /.test(entry));
    expect(sidebar('index.html')).toEqual(['Home /', 'Limits /limits/']);
    expect(sidebar('server/index.html')).toEqual(expect.arrayContaining(['Home /server/', 'Install /server/install/', 'Upgrade /server/upgrade/', 'Limits /server/limits/']));
  });

  it('re-renders for an edit of one variant\'s value only the pages that read it there', async () => {
    const config = (status: string) => `export default { variants: [{ name: 'cloud', default: true, metadata: { status: 'https://status.example' } }, { name: 'server', metadata: { status: '${status}' } }] };`;
    const root = makeSite({
      'site.config.ts': config('https://status.example'),
      'content/index.md': '# Home\n\nStatus: {{ page.metadata.status }}',
      'content/other.md': '# Other',
    });
    const cache = new MemoryRenderCache();
    expect((await build({ root, writer: new MemoryWriter(), cache, search: false })).stats.rendered).toBe(2);
    writeFileSync(path.join(root, 'site.config.ts'), config('https://status.internal'));
    const writer = new MemoryWriter();
    expect((await build({ root, writer, cache, search: false })).stats.rendered).toBe(1);
    expect(writer.text('server/index.html')).toContain('https://status.internal');
    expect(writer.text('index.html')).toContain('https://status.example');
  });

  it('checks the variant names of ifvariant tags in templates too, rendered or not', async () => {
    const root = makeSite({
      'site.config.ts': "export default { variants: [{ name: 'cloud', default: true }, { name: 'server' }] };",
      'content/index.md': '# Home',
      'templates/partials/footer.liquid': '<footer>{% ifvariant servr %}Yours{% endifvariant %}</footer>\n',
      'templates/partials/header.liquid': '<header>{%- ifvariant server -%}A{%- else -%}B{%- endifvariant -%}</header>\n',
    });
    const { diagnostics } = await buildInMemory(root);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual(['templates/partials/footer.liquid:1:22 unknown variant "servr"; did you mean "server"? (the site\'s variants: "cloud", "server")']);
  });

  it('makes in each variant the article a site with that variant\'s metadata alone makes (property)', async () => {
    const keys = ['region', 'endpoint', 'edition'];
    const value = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    const page = fc.record({ reads: fc.subarray(keys), heading: fc.stringMatching(/^[A-Z][a-z]{2,8}$/), linkTo: fc.nat(3) });
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 2, maxLength: 4 }), fc.array(fc.record({ region: value, endpoint: value, edition: value }), { minLength: 2, maxLength: 3 }), async (pages, values) => {
        const files: Record<string, string> = { 'content/index.md': '# Home\n' };
        pages.forEach((p, i) => {
          const reads = p.reads.map((key) => `- ${key}: {{ page.metadata.${key} }}\n\n\`\`\`bash\ncurl https://{{ page.metadata.${key} }}.example/${i}\n\`\`\``).join('\n\n');
          files[`content/pages/p${i}.md`] = `# ${p.heading} ${i}\n\nSee [the next page](p${p.linkTo % pages.length}.md).\n\n${reads}\n`;
        });
        const variants = values.map((metadata, i) => ({ name: `v${i}`, default: i === 0, metadata }));
        const article = (html: string | undefined) => /<article[^>]*>([\s\S]*?)<\/article>/.exec(html ?? '')?.[1];
        const whole = await buildInMemory(makeSite({ ...files, 'site.config.ts': `export default ${JSON.stringify({ variants })};` }));
        expect(whole.diagnostics).toEqual([]);
        for (const [i, variant] of variants.entries()) {
          const alone = await buildInMemory(makeSite({ ...files, 'site.config.ts': `export default ${JSON.stringify({ metadata: variant.metadata })};` }));
          const prefix = i === 0 ? '' : `v${i}/`;
          for (const file of [...alone.writer.files.keys()].filter((f) => f.endsWith('index.html') && f !== 'index.html')) {
            // Links in the variant lead into it: the one difference in the article.
            const expected = article(alone.writer.text(file))?.replaceAll('href="/pages/', `href="/${prefix}pages/`);
            expect(article(whole.writer.text(prefix + file)), `${prefix}${file}`).toBe(expected);
          }
        }
      }),
      { numRuns: 6 },
    );
  });

  it('keeps a configured group whose own page the variant lacks as a heading of the entries it has, with file links at the base', async () => {
    const root = makeSite({
      'site.config.ts': `export default {
        base: '/docs/',
        variants: [{ name: 'cloud', default: true }, { name: 'self' }],
        nav: [{ text: 'Setup', link: 'setup/selfhosted.md', items: [{ text: 'Common', link: 'setup/common.md' }] }, { text: 'Spec', link: 'files/spec.pdf' }],
      };`,
      'content/index.md': '# Home',
      'content/setup/selfhosted.md': '---\nvariants: [self]\n---\n# Self-hosted setup',
      'content/setup/common.md': '# Common',
      'content/files/spec.pdf': '%PDF-1.4',
    });
    const { writer, diagnostics } = await buildInMemory(root);
    expect(diagnostics).toEqual([]);
    const cloud = writer.text('setup/common/index.html')!;
    expect(cloud).toContain('href="/docs/setup/common/"');
    expect(cloud).toContain('href="/docs/files/spec.pdf"');
    expect(writer.text('self/setup/common/index.html')).toContain('href="/docs/files/spec.pdf"');
    expect(writer.text('self/setup/common/index.html')).toContain('href="/docs/self/setup/selfhosted/"');
  });

  it('links the switcher only to pages a variant has: its landing pages, else its first page when it has no home', async () => {
    const root = makeSite({
      'site.config.ts': `export default { variants: [{ name: 'cloud', default: true }, { name: 'self' }], nav: [{ text: 'Setup', items: [{ text: 'Install', link: 'guide/install.md' }, { text: 'Only self', link: 'guide/selfonly.md' }] }] };`,
      'content/index.md': '---\nvariants: [self]\n---\n# Home',
      'content/guide/install.md': '# Install',
      'content/guide/selfonly.md': '---\nvariants: [self]\n---\n# Only self',
    });
    const { writer } = await buildInMemory(root);
    const cloudLink = /<a href="([^"]+)">cloud <span class="variant-missing">/.exec(writer.text('self/guide/selfonly/index.html')!)?.[1];
    expect(cloudLink).toBeDefined();
    expect(writer.files.has(`${cloudLink!.slice(1)}index.html`)).toBe(true);
    const home = /<a href="([^"]+)">cloud <span class="variant-missing">/.exec(writer.text('self/index.html')!)?.[1];
    expect(writer.files.has(`${home!.slice(1)}index.html`)).toBe(true);
  });

  it('counts a metadata key read by one variant\'s pages only as used, and leaves a page\'s own canonical and noindex alone', async () => {
    const root = makeSite({
      'site.config.ts': "export default { siteUrl: 'https://docs.example', metadata: { port: 8080 }, variants: [{ name: 'cloud', default: true }, { name: 'self' }] };",
      'content/index.md': '---\ncanonical: https://original.example/home/\nnoindex: true\n---\n# Home',
      'content/ports.md': '---\nvariants: [self]\n---\n# Ports\n\nPort {{ page.metadata.port }}.',
    });
    const { writer, diagnostics } = await buildInMemory(root);
    expect(diagnostics).toEqual([]);
    expect(writer.text('index.html')).toContain('<link rel="canonical" href="https://original.example/home/">');
    expect(writer.text('index.html')).toContain('<meta name="robots" content="noindex">');
  });

  it('refuses a configured sidebar entry for a page in no variant, at the entry', async () => {
    const root = makeSite({
      'site.config.ts': "export default {\n  variants: [{ name: 'cloud', default: true }, { name: 'self' }],\n  nav: [{ text: 'Home', link: '/' }, { text: 'Draft', link: 'draft.md' }],\n};\n",
      'content/index.md': '# Home',
      'content/draft.md': '---\nvariants: []\n---\n# Draft',
    });
    const { diagnostics } = await buildInMemory(root);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual(['content/draft.md:2:1 warning variants/none', 'site.config.ts:3:55 error variants/none']);
  });
});
