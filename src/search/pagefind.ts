import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Writer } from '../output/writer.ts';

export interface SearchIndexInput {
  /** Written pages: their URL without the base and their final HTML. */
  pages: ReadonlyArray<{ file: string; url: string; html: string | undefined }>;
  /** The site base, so result links work when the site is served from a sub-path. */
  base: string;
  writer: Pick<Writer, 'write'>;
}

/** Pagefind's own ready-made UIs: the theme has its own small one, so these are not shipped. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

/**
 * Indexes the rendered pages with Pagefind, from memory, and writes the index through
 * the writer into `pagefind/`, so it lands in the staging folder (disk) or the map
 * (memory) with the rest of the site. Pagefind reads only `[data-pagefind-body]`,
 * which the theme puts on the article, so headers, sidebars and footers stay out.
 *
 * Pagefind runs as a child process shared by the whole Node process; it is closed at
 * the end so the process can exit, which means two builds must not index at once.
 */
export async function writeSearchIndex(input: SearchIndexInput): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const fail = (file: string, message: string) => problems.push({ file, line: 1, column: 1, severity: 'error', message: `search index: ${message}`, rule: 'search/pagefind' });
  // Imported here, not at the top: Pagefind is ESM-only, and a site.config.ts loaded as
  // CommonJS that imports docsmith's API must not fail on it.
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) {
      fail('pagefind', created.errors.join('; ') || 'Pagefind did not start');
      return problems;
    }
    const index = created.index;
    for (const page of input.pages) {
      if (page.html === undefined) continue;
      const added = await index.addHTMLFile({ url: encodeURI(input.base + page.url.slice(1)), content: page.html });
      for (const error of added.errors) fail(page.file, error);
    }
    const output = await index.getFiles();
    for (const error of output.errors) fail('pagefind', error);
    for (const file of output.files) {
      if (!UNUSED.test(file.path)) input.writer.write(`pagefind/${file.path}`, file.content);
    }
    await index.deleteIndex();
  } finally {
    await pagefind.close();
  }
  return problems;
}
