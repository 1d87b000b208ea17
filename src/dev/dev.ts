import path from 'node:path';
import { BuildSession, type BuildResult } from '../build/index.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics, summarize } from '../diagnostics/report.ts';
import { MemoryRenderCache } from '../render/cache.ts';
import { asText, MemoryWriter } from '../output/writer.ts';
import { fullText, twinFilesListed } from '../site-files/llms.ts';
import { startSearchIndex, type SearchIndexer } from '../search/pagefind.ts';
import { PreviewWriter } from './preview-writer.ts';
import { DevServer } from './server.ts';
import { EMPTY_VIEW, htmlChanged, viewAfter, type SiteView } from './view.ts';
import { watchSite } from './watch.ts';

export interface DevOptions {
  root: string;
  /** The first port to try; the next free one is used if it is taken. @default 4321 */
  port?: number;
  host?: string;
  /** Where progress lines go (the CLI passes console.error). */
  log?: (line: string) => void;
  /** Theme folder override, for tests. */
  themeDir?: string;
  /** On a site with variants, serve only this one. */
  variant?: string | undefined;
}

export interface DevHandle {
  url: string;
  port: number;
  /** Resolves after the rebuild that follows the next file change (for tests and the bench). */
  nextBuild(): Promise<BuildResult>;
  close(): Promise<void>;
}

/** Rebuilds of the unchanged site after the first build, before the first save. */
const WARM_UP_REBUILDS = 2;
/** Pages sent to the search index between two looks at the event loop (a save stops the indexing). */
const SEARCH_PAGES_PER_TURN = 500;

/**
 * The writer's loop: build into memory, serve it, and on every change rebuild (the
 * session and its cache make that cost what changed), then reload open tabs. A build
 * with errors is served as far as it rendered (see viewAfter), from the first build
 * on, with the problems over the page.
 */
export async function startDev(options: DevOptions): Promise<DevHandle> {
  const root = path.resolve(options.root);
  const log = options.log ?? (() => {});
  const writer = new PreviewWriter();
  // A site's other variants are built when first visited: the first build is the default's alone.
  const session = new BuildSession({ root, writer, themeDir: options.themeDir, cache: new MemoryRenderCache(), workers: 'auto', search: false, llmsFull: false, variant: options.variant, lazyVariants: true });
  // The search index is made after the reload, off the critical path, by the build's
  // indexer from the pages as served, into a writer of its own (committed when complete).
  const searchWriter = new MemoryWriter();
  let base = '/';
  let view: SiteView = EMPTY_VIEW;
  const server = new DevServer({
    file: (name) => view.files.get(name) ?? searchWriter.files.get(name) ?? fullTextOf(name, view.files, base),
    status: (name) => (view.errorPages.has(name) ? 500 : undefined),
    pending: (name) => (session.request(name) ?? session.request(`${name}/index.html`) ? watcher.exclusive(() => build([])) : undefined),
    get base() {
      return base;
    },
    host: options.host,
  });

  let closed = false;
  let searchQueue: Promise<void> = Promise.resolve();
  let searchTimer: NodeJS.Timeout | undefined;
  /** The indexing under way, if any: a save cancels it, so it never slows the rebuild the writer waits for. */
  let indexing: { indexer: SearchIndexer | undefined; cancelled: boolean } | undefined;
  /** Indexes the pages as served (those that rendered, now or before). */
  const indexSearch = (result: BuildResult, served: SiteView) => {
    clearTimeout(searchTimer);
    if (closed) return;
    searchTimer = setTimeout(() => {
      // One index at a time: a newer one waits for the older to finish or be cancelled.
      searchQueue = searchQueue.then(async () => {
        const run: { indexer: SearchIndexer | undefined; cancelled: boolean } = { indexer: undefined, cancelled: false };
        indexing = run;
        try {
          // One index per variant, each of its own pages, as the build makes them.
          for (const { prefix } of result.variants ?? [{ prefix: '' }]) {
            run.indexer = await startSearchIndex({ base: base + prefix, dir: `${prefix}pagefind` });
            if (run.cancelled) return await run.indexer.cancel();
            // As the build does: the folders' landing pages after the pages. A pause every few
            // hundred pages, so a save is seen at once, not after 16,000 pages are queued.
            const pages = [...result.pages, ...result.landingPages];
            for (let i = 0; i < pages.length; i++) {
              if (i % SEARCH_PAGES_PER_TURN === 0 && i > 0) {
                await new Promise((resolve) => setImmediate(resolve));
                if (run.cancelled) return;
              }
              const page = pages[i]!;
              if (variantOf(page.outputPath, result.variants) !== prefix) continue;
              const html = served.errorPages.has(page.outputPath) ? undefined : served.files.get(page.outputPath);
              if (html !== undefined) run.indexer.add({ ...page, url: `/${page.url.slice(1 + prefix.length)}`, html: typeof html === 'string' ? html : Buffer.from(html).toString('utf8') });
            }
            if (run.cancelled) return;
            await run.indexer.write(searchWriter);
          }
          if (!run.cancelled) searchWriter.commit();
        } catch (error) {
          if (!run.cancelled) throw error;
        } finally {
          searchWriter.abort();
          if (indexing === run) indexing = undefined;
        }
      }).catch((error: unknown) => log(`search index failed: ${String(error)}`));
    }, 300);
  };
  const cancelIndexing = async () => {
    clearTimeout(searchTimer);
    if (!indexing) return;
    indexing.cancelled = true;
    await indexing.indexer?.cancel();
  };
  /** Pagefind stopped as soon as a file changes, not after the pause that gathers a save's events: it would take CPU from the rebuild's start. */
  const cancelIndexingNow = () => {
    void cancelIndexing().catch((error: unknown) => log(`stopping the search index failed: ${String(error)}`));
  };

  const waiters: Array<(result: BuildResult) => void> = [];
  const report = (result: BuildResult, started: number) => {
    const ms = Math.round(performance.now() - started);
    if (result.config) base = result.config.base;
    if (result.diagnostics.length > 0) log(formatDiagnostics(result.diagnostics, { sources: result.sources, color: process.stderr.isTTY === true }));
    const summary = summarize(result.diagnostics);
    log(`${result.written ? 'rebuilt' : 'build failed'} in ${ms} ms (${result.stats.rendered} rendered): ${summary}`);
    const previous = view;
    view = viewAfter({ result, committed: writer.files, failed: writer.failedFiles, previous, base });
    if (hasErrors(result.diagnostics)) {
      // Tabs reload when what they show changed (a page that rendered despite a broken
      // link elsewhere); otherwise the problems come over the page they have.
      server.showErrors(formatDiagnostics(result.diagnostics, { sources: result.sources }), { summary, reload: htmlChanged(previous, view) });
    } else server.reload();
    if (view !== previous) indexSearch(result, view);
    for (const resolve of waiters.splice(0)) resolve(result);
  };

  /**
   * A run that throws instead of reporting (content/ deleted, a file gone between
   * listing and reading) becomes one error on the overlay: the server keeps serving
   * the last good build, and the next change tries again.
   */
  const run = async (): Promise<BuildResult> => {
    try {
      return await session.run();
    } catch (error) {
      // What the run wrote before it stopped is no build: never committed by the next one.
      writer.abort();
      const message = error instanceof Error ? error.message : String(error);
      const where = (error as { path?: unknown }).path;
      const file = typeof where === 'string' ? path.relative(root, where).split(path.sep).join('/') : '';
      return {
        config: undefined,
        pages: [],
        landingPages: [],
        diagnostics: [{ file: file && !file.startsWith('..') ? file : '.', line: 1, column: 1, severity: 'error', message: `the build stopped: ${message}`, rule: 'dev/build-crashed' }],
        sources: new Map(),
        written: false,
        stats: { rendered: 0, laidOut: 0, reused: 0 },
      };
    }
  };

  const build = async (files: string[]) => {
    const started = performance.now();
    // The index in the making is stale now, and would take CPU from this rebuild. Not
    // waited for (Pagefind finishing its page took up to 17 ms): a new index starts only
    // once the old one is stopped (`searchQueue`).
    cancelIndexingNow();
    session.invalidate(files);
    // The variants being read are the ones this save rebuilds; another is built again when next visited.
    session.focus(server.viewed());
    report(await run(), started);
  };
  // One build at a time: changes during a build are batched into one more after it.
  const watcher = await watchSite(root, build, log, cancelIndexingNow);

  const shutdown = async () => {
    closed = true;
    await watcher.close();
    await cancelIndexing();
    await searchQueue;
    await server.close();
    await session.close();
  };

  let port: number;
  try {
    // Watching starts before the first build, so a save while it runs is not lost; the
    // build runs as a rebuild would, and any change seen meanwhile gets one after it.
    await watcher.exclusive(() => build([]));
    port = await server.listen(options.port ?? 4321);
  } catch (error) {
    await shutdown();
    throw error;
  }
  // A save's rebuild takes paths the first build did not (pages kept, cache hits, the
  // checks' remembered answers), which V8 has not compiled yet for that use: the first
  // saves took up to twice as long as later ones (4000 pages: 70-80 ms, then 35-50).
  // Rebuilding the unchanged site twice while the writer has not saved yet compiles them
  // (about 50 ms each, nothing reported); a save meanwhile waits for them.
  void watcher.exclusive(async () => {
    for (let i = 0; i < WARM_UP_REBUILDS && !closed; i++) await session.run().catch(() => {});
  });
  const url = `http://${options.host ?? '127.0.0.1'}:${port}${base}`;
  return {
    url,
    port,
    nextBuild: () => new Promise((resolve) => waiters.push(resolve)),
    close: shutdown,
  };
}

/** The prefix of the variant an output file belongs to: the longest that starts it (the default's is empty). */
function variantOf(outputPath: string, variants: BuildResult['variants']): string {
  let found = '';
  for (const { prefix } of variants ?? []) if (prefix.length > found.length && outputPath.startsWith(prefix)) found = prefix;
  return found;
}

/**
 * llms-full.txt, made when asked: a rebuild would otherwise join the whole site's Markdown
 * on every save. The twins that the variant's llms.txt lists, in its order, as a build makes it.
 */
function fullTextOf(name: string, files: ReadonlyMap<string, string | Uint8Array>, base: string): string | undefined {
  if (!name.endsWith(LLMS_FULL)) return undefined;
  const list = asText(files.get(`${name.slice(0, -LLMS_FULL.length)}llms.txt`));
  return list === undefined ? undefined : fullText(twinFilesListed(list, base).map((file) => asText(files.get(file))));
}

const LLMS_FULL = 'llms-full.txt';
