import { rmSync } from 'node:fs';
import fc from 'fast-check';
import type { Highlighter } from 'shiki';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, THEME_DIR } from '../../src/build/index.ts';
import { configSchema } from '../../src/config/schema.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadTemplates, type TemplateSet } from '../../src/template/templates.ts';
import { createCodeHighlighter } from '../../src/markdown/plugins/highlight.ts';
import { MemoryWriter } from '../../src/output/writer.ts';
import { createRenderEngines, type RenderEngines } from '../../src/render/engines.ts';
import { splitFrontmatter } from '../../src/content/frontmatter.ts';
import { normalizeSource } from '../../src/content/decode.ts';
import { layoutPage, renderContent } from '../../src/render/page.ts';
import { makeSite } from '../helpers.ts';
import { pageName, pageSource } from './arbitraries.ts';

/**
 * Property-based tests: whatever a writer types (generated markdown, frontmatter and
 * Liquid, valid or not), rendering ends with either a page or errors, every problem
 * points at a real place in a real file, and nothing throws or hangs.
 *
 * A failure prints the seed and the shrunk counterexample; replay it with
 * `fc.assert(..., { seed, path })` or paste the source into a unit test.
 */

/** Partials the generated Liquid refers to: fine ones, and the ones that go wrong. */
const PARTIALS: Record<string, string> = {
  'templates/partials/note.liquid': '> [!NOTE]\n> A note for {{ page.metadata.product }}.\n',
  'templates/partials/self.liquid': 'Again:\n{% include "partials/self" %}',
  'templates/partials/ping.liquid': 'ping {% include "partials/pong" %}',
  'templates/partials/pong.liquid': 'pong\n{% include "partials/ping" %}',
  'templates/partials/broken.liquid': 'line one\n{{ page.title\n',
  'templates/partials/undefined.liquid': '\n\n  {{ page.nope }}',
  'templates/wide.liquid': '<div class="wide">{{ content | raw }}</div>\n{{ page.metadata.product }}',
};
const METADATA = { product: 'DataFlow', api: 'https://api.example.com/v1', list: ['one', 'two'] };

let highlighter: Highlighter;
let templates: TemplateSet;
let engines: RenderEngines;
let partialsRoot: string;
beforeAll(async () => {
  highlighter = await createCodeHighlighter();
  partialsRoot = makeSite(PARTIALS);
  templates = loadTemplates({ themeDir: THEME_DIR, siteRoot: partialsRoot });
  engines = createRenderEngines(templates, { highlighter });
});
afterAll(() => {
  highlighter?.dispose();
  if (partialsRoot !== undefined) rmSync(partialsRoot, { recursive: true, force: true });
});

const lineCount = (text: string) => normalizeSource(text).split('\n').length;

/** Problems that do not point into a file a writer can open, or outside its lines. */
function misplaced(diagnostics: readonly Diagnostic[], linesOf: (file: string) => number | undefined): string[] {
  return diagnostics.flatMap((d) => {
    const lines = linesOf(d.file);
    const where = `${d.file}:${d.line}:${d.column} [${d.rule}] ${d.message}`;
    if (lines === undefined) return [`unknown file: ${where}`];
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines + 1) return [`line outside 1..${lines + 1}: ${where}`];
    if (!Number.isInteger(d.column) || d.column < 1) return [`column below 1: ${where}`];
    if (!d.message || !/^[a-z]+\/[a-z-]+$/.test(d.rule) || !['error', 'warning'].includes(d.severity)) return [`malformed: ${where}`];
    return [];
  });
}

/**
 * Elements and attributes the raw-HTML policy removes, found in serialised HTML. Text
 * is escaped there (`&#x3C;`), so every `<` starts markup.
 */
function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name] of html.matchAll(/<\/?([a-zA-Z][\w:-]*)[^>]*>/g)) {
    if (/^(?:script|style|iframe|object|embed|base|meta|link|form|frame|frameset)$/i.test(name!)) found.push(tag);
    if (/\son[a-z]+\s*=/i.test(tag) || /\s(?:href|src|action|formaction|xlink:href)="\s*(?:javascript|vbscript|data:text\/html)/i.test(tag)) found.push(tag);
  }
  return found;
}

describe('renderPage on generated pages', () => {
  it('never throws, returns html exactly when there is no error, and places every problem in its file', () => {
    const page = { file: 'content/guide/fuzzed page.md', contentPath: 'guide/fuzzed page.md', url: '/guide/fuzzed page/', outputPath: 'guide/fuzzed page/index.html' };
    const config = configSchema.parse({ title: 'Fuzz', metadata: METADATA });
    const templateLines = (file: string) => {
      const name = Object.keys(templates.files).find((key) => templates.files[key] === file);
      return name === undefined ? undefined : lineCount(templates.sources[name]!);
    };
    fc.assert(
      fc.property(pageSource, (source) => {
        const content = renderContent({ source, page, config, templates }, engines);
        const result = layoutPage(content, { config, templates }, engines.layoutLiquid);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (result.html === undefined) expect(errors.length, 'a page without html must say why').toBeGreaterThan(0);
        else expect(errors, 'a page with errors must not have html').toEqual([]);
        expect(misplaced(result.diagnostics, (file) => (file === page.file ? lineCount(source) : templateLines(file)))).toEqual([]);
        // Whatever was generated, the raw-HTML policy holds in the page body.
        expect(unsafeMarkup(content.content)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('build() on generated sites', () => {
  it('ends every run with a site or with problems in files the site has, never an exception', async () => {
    const site = fc.record({
      pages: fc.uniqueArray(fc.tuple(pageName, pageSource), { minLength: 1, maxLength: 5, selector: ([name]) => name }),
      config: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(
          `export default ${JSON.stringify({ title: 'Fuzz site', metadata: METADATA })};\n`,
          `export default ${JSON.stringify({ title: 'Fuzz site', base: '/docs/', siteUrl: 'https://docs.example.com', brokenLinks: 'warning', metadata: METADATA })};\n`,
        ) },
        { weight: 1, arbitrary: fc.constantFrom("export default { title: '' };\n", 'export default { unknownKey: true };\n', 'export default {;\n') },
      ),
      partials: fc.boolean(),
    });
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(site, async ({ pages, config, partials }) => {
        const files: Record<string, string> = { 'site.config.ts': config, ...(partials ? PARTIALS : {}) };
        for (const [name, source] of pages) files[`content/${name}`] = source;
        const root = makeSite(files);
        const writer = new MemoryWriter();
        const result = await build({ root, writer, search: false });
        rendered += result.pages.length;
        expect(result.written).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
        if (!result.written) expect(writer.files.size).toBe(0);
        const known = (file: string): number | undefined => {
          if (file in files) return lineCount(files[file]!);
          if (file === 'content') return 1; // about the content as a whole (no home page): the folder, line 1
          const text = result.sources.get(file);
          return text === undefined ? undefined : lineCount(text);
        };
        expect(misplaced(result.diagnostics, known)).toEqual([]);
      }),
      { numRuns: 20 },
    );
    // Most runs must get past the config to rendering, or this tests little.
    expect(rendered).toBeGreaterThan(20);
  });
});

/**
 * Bugs the properties above found, pinned as small cases. `it.fails` passes while the
 * bug is there; once it is fixed, the test fails: then drop `.fails`.
 */
describe('known bugs found by fuzzing', () => {
  // For a key repeated after a nested mapping, js-yaml's mark.column is negative (-22).
  it('a duplicated key after a nested mapping is reported at column 1, not a negative column', () => {
    const split = splitFrontmatter('---\nmetadata:\n  product: F\nmetadata:\n  product: F\n---\n');
    expect(split).toMatchObject({ ok: false, diagnostic: { line: 4, column: 1, rule: 'frontmatter/invalid-yaml' } });
  });
});
