import { statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { BuildSession, type BuildResult } from '../build.ts';
import { CONFIG_FILE } from '../config/load.ts';
import { CONTENT_DIR } from '../content/discover.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics, summarize } from '../diagnostics/report.ts';
import { TEMPLATES_DIR } from '../layout/templates.ts';
import { MemoryWriter } from '../output/writer.ts';
import { MemoryRenderCache } from '../render/cache.ts';
import { writeSearchIndex } from '../search/pagefind.ts';
import { DevServer } from './server.ts';

export interface DevOptions {
  root: string;
  /** The first port to try; the next free one is used if it is taken. @default 4321 */
  port?: number;
  host?: string;
  /** Where progress lines go (the CLI passes console.error). */
  log?: (line: string) => void;
  /** Theme folder override, for tests. */
  themeDir?: string;
}

export interface DevHandle {
  url: string;
  port: number;
  /** Resolves after the rebuild that follows the next file change (for tests and the bench). */
  nextBuild(): Promise<BuildResult>;
  close(): Promise<void>;
}

/**
 * The writer's loop: build into memory, serve it, and on every change rebuild (the
 * session and its cache make that cost what changed), then reload open tabs, or show
 * the problems over the page while still serving the last good build.
 */
export async function startDev(options: DevOptions): Promise<DevHandle> {
  const root = path.resolve(options.root);
  const log = options.log ?? (() => {});
  const writer = new MemoryWriter();
  const session = new BuildSession({ root, writer, themeDir: options.themeDir, cache: new MemoryRenderCache(), workers: 'auto', search: false });
  // The search index is rebuilt after the reload, off the critical path, and served from here.
  let searchFiles = new Map<string, Uint8Array>();
  let base = '/';
  const server = new DevServer({
    files: () => (searchFiles.size === 0 ? writer.files : new Map([...writer.files, ...searchFiles])),
    get base() {
      return base;
    },
    host: options.host,
  });

  let closed = false;
  let searchQueue: Promise<void> = Promise.resolve();
  let searchTimer: NodeJS.Timeout | undefined;
  const indexSearch = (result: BuildResult) => {
    clearTimeout(searchTimer);
    if (closed) return;
    searchTimer = setTimeout(() => {
      // Pagefind is one process per Node process: indexing runs one at a time.
      searchQueue = searchQueue.then(async () => {
        const next = new Map<string, Uint8Array>();
        await writeSearchIndex({ pages: result.pages, base, writer: { write: (file, content) => next.set(file, typeof content === 'string' ? Buffer.from(content) : content) } });
        searchFiles = next;
      }).catch((error: unknown) => log(`search index failed: ${String(error)}`));
    }, 300);
  };

  const waiters: Array<(result: BuildResult) => void> = [];
  const report = (result: BuildResult, started: number) => {
    const ms = Math.round(performance.now() - started);
    if (result.config) base = result.config.base;
    if (result.diagnostics.length > 0) log(formatDiagnostics(result.diagnostics, { sources: result.sources, color: process.stderr.isTTY === true }));
    log(`${result.written ? 'rebuilt' : 'build failed'} in ${ms} ms (${result.stats.rendered} rendered): ${summarize(result.diagnostics)}`);
    if (hasErrors(result.diagnostics)) server.showErrors(formatDiagnostics(result.diagnostics, { sources: result.sources }));
    else {
      server.reload();
      indexSearch(result);
    }
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
      const message = error instanceof Error ? error.message : String(error);
      const where = (error as { path?: unknown }).path;
      const file = typeof where === 'string' ? path.relative(root, where).split(path.sep).join('/') : '';
      return {
        config: undefined,
        pages: [],
        diagnostics: [{ file: file && !file.startsWith('..') ? file : '.', line: 1, column: 1, severity: 'error', message: `the build stopped: ${message}`, rule: 'dev/build-crashed' }],
        sources: new Map(),
        written: false,
        stats: { rendered: 0, laidOut: 0 },
      };
    }
  };

  // chokidar drops a second `change` of a file within 50 ms of the one before (no
  // trailing event), so a quick second save, or the rest of a write that a rebuild
  // read half of, would never be built. So each file a rebuild reads because it
  // changed is looked at again a little later, and rebuilt if it moved since.
  const RECHECK_MS = 80;
  const rechecks = new Map<string, NodeJS.Timeout>();
  const stampOf = (name: string) => {
    try {
      const stats = statSync(path.join(root, name));
      return `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
    } catch {
      return 'missing';
    }
  };
  const recheckLater = (name: string) => {
    clearTimeout(rechecks.get(name));
    const stamp = stampOf(name);
    rechecks.set(
      name,
      setTimeout(() => {
        rechecks.delete(name);
        if (closed || stampOf(name) === stamp) return;
        changed.add(name);
        schedule();
      }, RECHECK_MS),
    );
  };

  // One build at a time: changes during a build are batched into one more after it.
  const changed = new Set<string>();
  let running: Promise<void> | undefined;
  let started = performance.now();
  const rebuild = () => {
    if (running || closed) return;
    running = (async () => {
      while (changed.size > 0 && !closed) {
        started = performance.now();
        const files = [...changed];
        changed.clear();
        for (const name of files) recheckLater(name);
        session.invalidate(files);
        report(await run(), started);
      }
    })().finally(() => {
      running = undefined;
    });
  };

  // The first event of a save can arrive while the editor is still writing (the file
  // truncated, the text not yet in): a moment's pause lets the write finish, and lets
  // the events of one save (a rename is an unlink and an add) make one rebuild.
  const SETTLE_MS = 15;
  let settle: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (closed || settle) return;
    settle = setTimeout(() => {
      settle = undefined;
      rebuild();
    }, SETTLE_MS);
  };

  // The site root is watched, not content/, templates/ and site.config.ts themselves:
  // chokidar loses a watched folder for good once it is deleted, and would never see
  // one created later. Everything else in the root (dist/, node_modules/) is ignored.
  const WATCHED = new Set([CONTENT_DIR, TEMPLATES_DIR, CONFIG_FILE]);
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file) => {
      const name = path.relative(root, file);
      return name !== '' && !WATCHED.has(name.split(path.sep)[0]!);
    },
  });
  watcher.on('all', (_event, file) => {
    const name = path.relative(root, file).split(path.sep).join('/');
    if (name === '') return;
    changed.add(name);
    schedule();
  });
  // Without a listener, a watcher error (too many watched files, say) would end the process.
  watcher.on('error', (error) => log(`watching files failed: ${String(error)}`));

  const shutdown = async () => {
    closed = true;
    clearTimeout(settle);
    await watcher.close();
    for (const timer of rechecks.values()) clearTimeout(timer);
    rechecks.clear();
    await running;
    clearTimeout(searchTimer);
    await searchQueue;
    await server.close();
    await session.close();
  };

  let port: number;
  try {
    // Watching starts before the first build, so a save while it runs is not lost; the
    // build runs as a rebuild would, and any change seen meanwhile gets one after it.
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    running = (async () => {
      report(await run(), started);
    })();
    await running;
    running = undefined;
    rebuild();
    port = await server.listen(options.port ?? 4321);
  } catch (error) {
    await shutdown();
    throw error;
  }
  const url = `http://${options.host ?? '127.0.0.1'}:${port}${base}`;
  return {
    url,
    port,
    nextBuild: () => new Promise((resolve) => waiters.push(resolve)),
    close: shutdown,
  };
}
