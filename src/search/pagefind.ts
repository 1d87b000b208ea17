import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Writer } from '../output/writer.ts';
import { searchableHtml } from './searchable-html.ts';

export interface SearchIndexInput {
  /** Written pages: their URL without the base and their final HTML. */
  pages: readonly SearchPage[];
  /** The site base, so result links work when the site is served from a sub-path. */
  base: string;
  writer: Pick<Writer, 'write'>;
}

/** Pagefind's own ready-made UIs: the theme has its own small one, so these are not shipped. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

/** Where the index goes in the output. */
export const SEARCH_DIR = 'pagefind';
/** Part of the search index's fingerprint: another Pagefind may index the same pages differently. */
export const PAGEFIND_VERSION = installedVersion('pagefind');

/** A package's version as installed (Pagefind exports no package.json, so it is found on the resolution paths). */
function installedVersion(name: string): string {
  for (const dir of createRequire(import.meta.url).resolve.paths(name) ?? []) {
    const file = path.join(dir, name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

export interface SearchIndexer {
  /**
   * Adds a page; pages must come in a fixed order (Pagefind's output depends on it). With
   * its `body` (its HTML before the layout), only what Pagefind reads is sent (searchable-html.ts).
   */
  add(page: SearchPage): void;
  /** Writes the index through the writer into `pagefind/` (or the `dir` it was started with). */
  write(writer: Pick<Writer, 'write'>, fingerprint?: string): Promise<Diagnostic[]>;
  /** Drops the index without writing it (the build failed). */
  discard(): Promise<void>;
  /** Stops at once, mid-indexing (the dev server, when a save makes the index stale): `write` then rejects. */
  cancel(): Promise<void>;
}

export interface SearchPage {
  file: string;
  url: string;
  html: string | undefined;
  body?: string | undefined;
}

/**
 * Starts a Pagefind index that pages are added to as they are rendered, so the build
 * need not keep them. Pagefind reads only `[data-pagefind-body]`, which the theme puts
 * on the article, so headers, sidebars and footers stay out.
 *
 * Pagefind's Node API runs one backend process per Node process, which holds any number
 * of indexes and lets the process exit while idle: an index is deleted when done, never
 * the backend closed, so two builds in one process (two sessions, or a build and the dev
 * server's indexing) never stop each other's index.
 */
export async function startSearchIndex(options: { base: string; dir?: string }): Promise<SearchIndexer> {
  const dir = options.dir ?? SEARCH_DIR;
  const problems: Diagnostic[] = [];
  const fail = (file: string, message: string) => problems.push({ file, line: 1, column: 1, severity: 'error', message: `search index: ${message}`, rule: 'search/pagefind' });
  // Imported here, not at the top: Pagefind is ESM-only, and a site.config.ts loaded as
  // CommonJS that imports docsmith's API must not fail on it.
  const pagefind = await import('pagefind');
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) fail('pagefind', created.errors.join('; ') || 'Pagefind did not start');
  // One page in flight at a time: sending a page to Pagefind encodes it on this thread,
  // and thousands sent at once would block it for seconds and hold an encoded copy of each.
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  const settled = () => queue.catch(() => {});
  const drop = async () => {
    stopped = true;
    await settled();
    await index?.deleteIndex().catch(() => {});
  };
  return {
    add(page) {
      const html = page.html;
      if (!index || html === undefined || stopped) return;
      const content = page.body === undefined ? html : searchableHtml(html, page.body);
      queue = queue.then(async () => {
        if (stopped) return;
        const result = await index.addHTMLFile({ url: encodeURI(options.base + page.url.slice(1)), content });
        for (const error of result.errors) fail(page.file, error);
      });
      // Handled here so a failed request is never an unhandled rejection; `write` still sees the failure.
      void settled();
    },
    async write(writer, fingerprint) {
      if (!index) return problems;
      try {
        await queue;
        if (stopped) throw new Error('the search index was cancelled');
        const output = await index.getFiles();
        if (stopped) throw new Error('the search index was cancelled');
        for (const error of output.errors) fail('pagefind', error);
        for (const file of output.files) {
          if (!UNUSED.test(file.path)) writer.write(`${dir}/${file.path}`, file.content, fingerprint);
        }
      } finally {
        await drop();
      }
      return problems;
    },
    discard: drop,
    cancel: drop,
  };
}

/** Indexes pages already rendered, in one go. */
export async function writeSearchIndex(input: SearchIndexInput): Promise<Diagnostic[]> {
  const indexer = await startSearchIndex({ base: input.base });
  for (const page of input.pages) indexer.add(page);
  return indexer.write(input.writer);
}
