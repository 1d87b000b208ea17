/**
 * The fastest a build could be with the markdown libraries docsmith must use (unified,
 * remark-parse, remark-gfm, remark-rehype, rehype-stringify), against the parser Eleventy
 * uses (markdown-it). Each turns the same pages of a generated site into HTML and nothing
 * else (no highlighting, placeholders, layout or files), in one thread, best of five passes
 * after a warm-up. The floor is that cost for every page of the site spread perfectly over
 * the machine's cores: no build made with those libraries can be faster, whatever it does
 * around them.
 *
 * "as published" runs in a child process whose imports of the packages docsmith patches
 * resolve to the unpatched copies (the equivalence test's resolve hook); "as installed" has
 * the patches (patches/); "docsmith's chain" is src/markdown/processor.ts without Shiki.
 *
 *   tsx bench/floor.ts --root SITE [--pages 300] [--eleventy SECONDS] [--out bench/floor.md]
 *
 * With `--out`, the table is written there too, dated, for the docs' Performance page
 * (docs/generate/performance.ts reads bench/floor.md).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { discoverContent } from '../src/content/discover.ts';
import { splitFrontmatter } from '../src/content/frontmatter.ts';
import { PageSources } from '../src/content/sources.ts';
import { createMarkdownProcessor } from '../src/markdown/processor.ts';

const { values } = parseArgs({
  options: { root: { type: 'string' }, pages: { type: 'string', default: '300' }, eleventy: { type: 'string' }, out: { type: 'string' }, 'stock-only': { type: 'boolean', default: false } },
});
if (!values.root) throw new Error('usage: tsx bench/floor.ts --root SITE [--pages 300] [--eleventy SECONDS]');
const root = path.resolve(values.root);
const found = discoverContent(root);
const sources = new PageSources(root);
const pages = found.pages.slice(0, Number(values.pages));
// Markdown as the parser sees it: frontmatter off (placeholders left in: they parse as text).
const bodies = pages.map((page) => {
  const text = sources.read(page.file, []);
  const split = splitFrontmatter(text);
  return split.ok ? split.value.body : text;
});

/** Milliseconds per page, best of five passes after one untimed pass. */
function perPage(step: (body: string) => unknown): number {
  for (const body of bodies) step(body);
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now();
    for (const body of bodies) step(body);
    best = Math.min(best, (performance.now() - started) / bodies.length);
  }
  return best;
}

const plainChain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify).freeze();
const plain = (body: string) => plainChain.processSync(body);

if (values['stock-only']) {
  process.stdout.write(JSON.stringify(perPage(plain)));
} else {
  const here = fileURLToPath(import.meta.url);
  const hook = fileURLToPath(new URL('../test/markdown/fast/unpatched/register.mjs', import.meta.url));
  const args = ['--import', 'tsx', '--import', hook, here, '--root', root, '--pages', String(pages.length), '--stock-only'];
  const stock = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as number;
  const installed = perPage(plain);
  const ours = createMarkdownProcessor({});
  const chain = perPage((body) => {
    const file = { value: body, path: 'content/page.md', data: { page: { contentPath: 'page.md', base: '/', links: [], headings: [], anchors: [], problems: [] } } };
    return ours.stringify(ours.runSync(ours.parse(file), file), file);
  });
  // The copy Eleventy itself loads.
  const eleventyRequire = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy'));
  const MarkdownIt = eleventyRequire('markdown-it') as new (options: { html: boolean }) => { render(text: string): string };
  const markdownIt = new MarkdownIt({ html: true });
  const eleventysParser = perPage((body) => markdownIt.render(body));

  const cores = availableParallelism();
  const eleventy = values.eleventy === undefined ? undefined : Number(values.eleventy);
  const floor = (msPerPage: number) => (msPerPage * found.pages.length) / cores / 1000;
  const lines = [
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${cores} cores, ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}`,
    `- Pages: ${pages.length} timed of a ${found.pages.length}-page site; floor = ms a page × ${found.pages.length} pages ÷ ${cores} cores${eleventy ? `; Eleventy's whole build of that site: ${eleventy} s` : ''}`,
    '',
    `| markdown → HTML, nothing else | ms a page | floor, ${found.pages.length} pages | ÷ Eleventy's build |`,
    '| --- | ---: | ---: | ---: |',
  ];
  for (const [label, ms] of [
    ['remark + GFM + rehype, as published', stock],
    ['the same, as installed (patches/)', installed],
    ["docsmith's chain without Shiki", chain],
    ["markdown-it (Eleventy's parser)", eleventysParser],
  ] as const) {
    lines.push(`| ${label} | ${ms.toFixed(2)} | ${floor(ms).toFixed(1)} s | ${eleventy ? `${(floor(ms) / eleventy).toFixed(2)}×` : ''} |`);
  }
  console.log(lines.join('\n'));
  if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`);
}
