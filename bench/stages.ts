/**
 * What one page costs, step by step, in this thread, on the first pages of a site (a
 * generated corpus): where the next optimisation should go. Each line is the best of
 * three passes after a warm-up pass, in milliseconds per page.
 *
 *   tsx bench/stages.ts --root SITE [--pages 300]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { THEME_DIR } from '../src/build/index.ts';
import { loadConfig } from '../src/config/load.ts';
import { splitFrontmatter } from '../src/content/frontmatter.ts';
import { discoverContent } from '../src/content/discover.ts';
import { PageSources } from '../src/content/sources.ts';
import { loadTemplates } from '../src/template/templates.ts';
import { createCodeHighlighter } from '../src/markdown/plugins/highlight.ts';
import { createMarkdownProcessor } from '../src/markdown/processor.ts';
import { siteNav } from '../src/nav/site-nav.ts';
import { createRenderEngines } from '../src/render/engines.ts';
import { layoutPage, renderContent } from '../src/render/page.ts';

const { values } = parseArgs({ options: { root: { type: 'string' }, pages: { type: 'string', default: '300' } } });
if (!values.root) throw new Error('usage: tsx bench/stages.ts --root SITE [--pages 300]');
const root = path.resolve(values.root);
const loaded = await loadConfig(root);
if (!loaded.ok) throw new Error(`${root}: site.config.ts does not load`);
const config = loaded.config;
const found = discoverContent(root);
const sources = new PageSources(root);
const pages = found.pages.slice(0, Number(values.pages));
const texts = pages.map((page) => sources.read(page.file, []));
// Markdown as the parser sees it: frontmatter off (placeholders left in: they parse as text).
const bodies = texts.map((text) => {
  const split = splitFrontmatter(text);
  return split.ok ? split.value.body : text;
});
const templates = loadTemplates({ themeDir: THEME_DIR, siteRoot: root });
const highlighter = await createCodeHighlighter();
const engines = createRenderEngines(templates, { highlighter });


function time(label: string, step: (i: number) => unknown): void {
  for (let i = 0; i < pages.length; i++) step(i);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    for (let i = 0; i < pages.length; i++) step(i);
    best = Math.min(best, (performance.now() - started) / pages.length);
  }
  console.log(`${label.padEnd(40)} ${best.toFixed(2)} ms/page`);
}

console.log(`${pages.length} pages of ${root}`);
const contents = pages.map((page, i) => renderContent({ source: texts[i]!, page, config, templates }, engines));
// The sidebar as the build makes it: from every page's rendered title.
const nav = siteNav(config, found.pages.map((page) => {
  const content = renderContent({ source: sources.read(page.file, []), page, config, templates }, engines);
  return { contentPath: page.contentPath, url: page.url, title: content.title, order: content.frontmatter.order };
}));
time('render content (all of the below)', (i) => renderContent({ source: texts[i]!, page: pages[i]!, config, templates }, engines));
time('layout (sidebar, TOC, Liquid layout)', (i) => layoutPage(contents[i]!, { config, templates, nav }, engines.layoutLiquid));
const commonMark = unified().use(remarkParse).freeze();
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();
time('parse: remark-parse', (i) => commonMark.parse(bodies[i]!));
time('parse: remark-parse + remark-gfm', (i) => gfm.parse(bodies[i]!));
const trees = bodies.map((body) => gfm.parse(body));
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).freeze();
time('mdast → hast (+ a structuredClone)', (i) => toHast.runSync(structuredClone(trees[i]!)));
time('structuredClone of the mdast alone', (i) => structuredClone(trees[i]!));
for (const [label, processor] of [['markdown chain', createMarkdownProcessor({ highlighter })], ['markdown chain without Shiki', createMarkdownProcessor({})]] as const) {
  time(label, (i) => {
    const file = { value: bodies[i]!, path: pages[i]!.file, data: { page: { contentPath: pages[i]!.contentPath, base: '/', links: [], headings: [], anchors: [], problems: [] } } };
    processor.stringify(processor.runSync(processor.parse(file), file), file);
  });
}
