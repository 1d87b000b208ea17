/**
 * Writes the same synthetic API-reference site twice: once as a docsmith site and once
 * in Eleventy 3's dialect, so the two generators can be timed on equal work.
 *
 *   tsx bench/generate.ts --pages 1000 --out /tmp/corpus [--shape reference]   # → /tmp/corpus/{docsmith,eleventy}
 *
 * Deterministic: every page draws from its own PRNG seeded by (seed, page index), so a
 * page's text depends only on the seed, the page count and its position, never on
 * Math.random or on the order the pages are written in.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { dialects, METADATA, type Dialect } from './dialects.ts';
import { SECTIONS, SHAPES, planSite, type PagePlan, type SiteShape } from './plan.ts';
import { renderIndex, renderPageBody } from './pages.ts';

export interface CorpusOptions {
  /** The docsmith site root: gets content/ and site.config.ts. */
  docsmithDir: string;
  /** The Eleventy project root: gets eleventy.config.mjs, content/, assets/. */
  eleventyDir: string;
  /** How many pages, the home page (and one overview page per section) included. */
  pages: number;
  seed?: number;
  shape?: SiteShape;
}

export interface CorpusStats {
  pages: number;
  /** Total bytes of the docsmith markdown sources. */
  bytes: number;
  milliseconds: number;
}


const SITE = { title: 'DataFlow Docs', description: 'Guides and API reference for the DataFlow platform.' };

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const THEME_CSS = path.join(BENCH_DIR, '..', 'templates', 'assets', 'style.css');

export function generateCorpus(options: CorpusOptions): CorpusStats {
  const started = performance.now();
  const plans = planSite(options.pages, options.seed ?? 1, options.shape);
  for (const dir of [options.docsmithDir, options.eleventyDir]) rmSync(dir, { recursive: true, force: true });
  writeDocsmithScaffold(options.docsmithDir);
  writeEleventyScaffold(options.eleventyDir);

  const made = new Set<string>();
  const ensureDir = (dir: string) => {
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
  };
  let bytes = 0;
  for (const plan of plans) {
    for (const [dialect, root] of [
      [dialects.docsmith, options.docsmithDir],
      [dialects.eleventy, options.eleventyDir],
    ] as const) {
      const text = renderSource(plan, plans, dialect);
      const file = path.join(root, 'content', plan.contentPath);
      ensureDir(path.dirname(file));
      writeFileSync(file, text);
      if (dialect === dialects.docsmith) bytes += Buffer.byteLength(text);
    }
  }
  return { pages: plans.length, bytes, milliseconds: performance.now() - started };
}

function renderSource(plan: PagePlan, plans: readonly PagePlan[], dialect: Dialect): string {
  // Plain YAML both generators read the same way; JSON strings are valid YAML scalars.
  const frontmatter = `---\ntitle: ${JSON.stringify(plan.title)}\ndescription: ${JSON.stringify(plan.description)}\norder: ${plan.order}\n---\n\n`;
  const body = plan.kind === 'endpoint' ? renderPageBody(plan, plans, dialect) : renderIndex(plan, plans, dialect);
  return frontmatter + body;
}

function writeDocsmithScaffold(root: string): void {
  mkdirSync(path.join(root, 'content'), { recursive: true });
  // A plain object with no imports: the site must not depend on where docsmith is installed.
  const config = { ...SITE, metadata: METADATA };
  writeFileSync(path.join(root, 'site.config.ts'), `export default ${JSON.stringify(config, null, 2)};\n`);
}

/**
 * The Eleventy project: Liquid layout and partials equivalent to docsmith's built-in
 * theme, global data for the placeholders, and the Prism syntax-highlight plugin.
 * The plugin is imported by absolute URL because the project lives in a temporary
 * folder with no node_modules of its own.
 */
function writeEleventyScaffold(root: string): void {
  const content = path.join(root, 'content');
  for (const dir of ['_data', '_includes/partials']) mkdirSync(path.join(content, dir), { recursive: true });
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  const require = createRequire(import.meta.url);
  const plugin = pathToFileURL(require.resolve('@11ty/eleventy-plugin-syntaxhighlight')).href;
  writeFileSync(
    path.join(root, 'eleventy.config.mjs'),
    `import syntaxHighlight from ${JSON.stringify(plugin)};

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(syntaxHighlight);
  eleventyConfig.addGlobalData('layout', 'page.liquid');
  eleventyConfig.addPassthroughCopy({ assets: 'assets' });
}

// markdown-it is left at Eleventy's defaults; markdown is preprocessed with Liquid (the default).
export const config = { dir: { input: 'content', output: '_site' } };
`,
  );
  writeFileSync(path.join(content, '_data', 'metadata.json'), `${JSON.stringify(METADATA, null, 2)}\n`);
  writeFileSync(path.join(content, '_data', 'site.json'), `${JSON.stringify({ ...SITE, base: '/' }, null, 2)}\n`);
  const includes = path.join(content, '_includes');
  // Mirrors templates/layout.liquid and templates/partials/*.liquid; Eleventy reserves
  // `page`, so the page's own data is read at the top level.
  writeFileSync(
    path.join(includes, 'page.liquid'),
    `<!doctype html>
<html lang="en">
<head>
{% include "partials/head.liquid" %}
</head>
<body>
{% include "partials/header.liquid" %}
<main id="content" class="content">
{{ content }}
</main>
{% include "partials/footer.liquid" %}
</body>
</html>
`,
  );
  writeFileSync(
    path.join(includes, 'partials', 'head.liquid'),
    `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% if title != "" and title != site.title %}{{ title | escape }} | {% endif %}{{ site.title | escape }}</title>
{% if description != "" %}<meta name="description" content="{{ description | escape }}">
{% endif %}<link rel="stylesheet" href="{{ site.base }}assets/style.css">
`,
  );
  writeFileSync(
    path.join(includes, 'partials', 'header.liquid'),
    `<header class="site-header">
  <a class="site-title" href="{{ site.base }}">{{ site.title | escape }}</a>
</header>
`,
  );
  writeFileSync(path.join(includes, 'partials', 'footer.liquid'), `<footer class="site-footer">\n  <p>{{ site.title | escape }}</p>\n</footer>\n`);
  copyFileSync(THEME_CSS, path.join(root, 'assets', 'style.css'));
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { pages: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, shape: { type: 'string', default: 'overviews' } } });
  if (!values.out) throw new Error(`usage: tsx bench/generate.ts --pages N --out DIR [--seed S] [--shape ${SHAPES.join('|')}]`);
  const shape = values.shape as SiteShape;
  if (!SHAPES.includes(shape)) throw new Error(`--shape takes ${SHAPES.join(' or ')}`);
  const out = path.resolve(values.out);
  const stats = generateCorpus({ docsmithDir: path.join(out, 'docsmith'), eleventyDir: path.join(out, 'eleventy'), pages: Number(values.pages), seed: Number(values.seed), shape });
  console.log(
    `${stats.pages} pages in ${SECTIONS.length} sections (${shape}), ${(stats.bytes / stats.pages / 1024).toFixed(1)} KB/page on average, ` +
      `written to ${out}/{docsmith,eleventy} in ${(stats.milliseconds / 1000).toFixed(2)}s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main(process.argv.slice(2));
